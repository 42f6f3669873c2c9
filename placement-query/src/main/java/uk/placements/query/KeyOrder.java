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

    /** A row keyed by an aggregate's id and an event's sequence, as every table of the event rows is. */
    public interface EventKeyed {
        String aggregate();

        long seq();
    }

    /** Aggregate id, then sequence. */
    public static final Comparator<EventKeyed> BY_EVENT =
            Comparator.comparing(EventKeyed::aggregate).thenComparingLong(EventKeyed::seq);

    private KeyOrder() {
    }

    /** {@code rows} sorted by {@code order}. */
    public static <T> List<T> sorted(Collection<? extends T> rows, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(rows);
        if (copy.size() > 1) {
            copy.sort(order);
        }
        return copy;
    }
}
