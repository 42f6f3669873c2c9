package uk.placements.query;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * From this many rows a sort is shared among the cores ({@link Arrays#parallelSort(Object[], Comparator)}): a
     * rebuild sorts every row of a table at once (1,200,000 periods at 1,000,000 events) while its database waits.
     */
    static final int PARALLEL_FROM = 20_000;

    /** {@code rows} sorted by {@code order}; stable, so rows that {@code order} ties keep their order. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> sorted(Collection<? extends T> rows, Comparator<? super T> order) {
        if (rows.size() >= PARALLEL_FROM) {
            Object[] copy = rows.toArray();
            Arrays.parallelSort(copy, (a, b) -> order.compare((T) a, (T) b));
            return (List<T>) Arrays.asList(copy);
        }
        List<T> copy = new ArrayList<>(rows);
        if (copy.size() > 1) {
            copy.sort(order);
        }
        return copy;
    }
}
