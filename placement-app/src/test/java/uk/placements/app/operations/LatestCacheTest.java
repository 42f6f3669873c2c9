package uk.placements.app.operations;

import org.junit.jupiter.api.Test;
import uk.placements.query.LatestCache;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The projections' cache between batches hands out a state only for the event right after it. */
class LatestCacheTest {

    record State(long seq, String status) {
    }

    private final LatestCache<State> cache = new LatestCache<>(State::seq, 3);

    @Test
    void aStateIsHandedOutOnlyForTheNextEventOfItsAggregate() {
        cache.putAll(Map.of("p1", new State(4, "OFFERED")));

        assertThat(cache.before("p1", 5)).isEqualTo(new State(4, "OFFERED"));
        // events 5 and 6 were handled elsewhere (another instance): the cached state is behind, so the table is read
        assertThat(cache.before("p1", 7)).isNull();
        // a redelivered or earlier event never sees a later state
        assertThat(cache.before("p1", 4)).isNull();
        assertThat(cache.before("p2", 1)).isNull();
    }

    @Test
    void aNewerCommittedStateReplacesTheOlder() {
        cache.putAll(Map.of("p1", new State(0, "REFERRED")));
        cache.putAll(Map.of("p1", new State(1, "OFFERED")));

        assertThat(cache.before("p1", 1)).isNull();
        assertThat(cache.before("p1", 2)).isEqualTo(new State(1, "OFFERED"));
    }

    @Test
    void pastItsLimitItStartsAfresh() {
        cache.putAll(Map.of("p1", new State(0, "REFERRED"), "p2", new State(0, "REFERRED")));
        cache.putAll(Map.of("p3", new State(0, "REFERRED"), "p4", new State(0, "REFERRED")));

        assertThat(cache.before("p1", 1)).isNull();
        assertThat(cache.before("p4", 1)).isEqualTo(new State(0, "REFERRED"));
    }

    @Test
    void clearingForgetsEverything() {
        cache.putAll(Map.of("p1", new State(0, "REFERRED")));
        cache.clear();
        assertThat(cache.before("p1", 1)).isNull();
    }
}
