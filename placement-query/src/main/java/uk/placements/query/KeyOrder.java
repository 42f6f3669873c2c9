package uk.placements.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Rows put in the order of their table's primary key before a batch writes them. A batch of randomly keyed rows
 * written in arrival order touches a page of the key's index per row; in key order it fills the pages one after
 * another, and a rebuild (one batch for the whole history, see {@code DirectReplay}) writes each page about once.
 */
public final class KeyOrder {

    private KeyOrder() {
    }

    /** {@code rows} sorted by the values at {@code columns}, each {@link Comparable} and non-null. */
    public static List<Object[]> sorted(Collection<Object[]> rows, int... columns) {
        List<Object[]> copy = new ArrayList<>(rows);
        if (copy.size() > 1) {
            copy.sort(by(columns));
        }
        return copy;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object[]> by(int... columns) {
        return (a, b) -> {
            for (int column : columns) {
                int c = ((Comparable) a[column]).compareTo(b[column]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }
}
