package uk.placements.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The latest committed state of each aggregate a projection folds, kept between batches so that the next event of
 * the same aggregate need not read it back from its table (most of a rebuild's statements were such reads).
 * Safe without invalidation: an aggregate's events carry contiguous sequence numbers and reach one handler in
 * order, so a cached state is used only for the event right after it ({@code seq - 1}); if another instance
 * handled events of that aggregate meanwhile, the numbers do not meet and the table is read instead. Holds at
 * most {@code limit} entries, then starts afresh.
 */
public final class LatestCache<V> {

    private final Map<String, V> states = new ConcurrentHashMap<>();
    private final ToLongFunction<V> sequence;
    private final int limit;

    public LatestCache(ToLongFunction<V> sequence, int limit) {
        this.sequence = sequence;
        this.limit = limit;
    }

    /** The state of {@code id} as left by event {@code seq - 1}, or null if that is not what is cached. */
    public V before(String id, long seq) {
        V state = states.get(id);
        return state != null && sequence.applyAsLong(state) == seq - 1 ? state : null;
    }

    /** Keeps committed states (call once their batch has committed). */
    public void putAll(Map<String, V> committed) {
        if (states.size() + committed.size() > limit) {
            states.clear();
        }
        states.putAll(committed);
    }

    public void clear() {
        states.clear();
    }
}
