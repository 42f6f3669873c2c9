package uk.placements.query.operations;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild marks each event it hands to the handlers as Axon's {@link ReplayToken#createReplayToken} would: the same
 * token, and a replay exactly when the store held the event at the reset, whether the event lies before the reset's
 * index, in one of its gaps, or after it (appended while the rebuild reads).
 */
class ReplayTokenTest {

    @Test
    void everyEventIsMarkedAsAxonWouldMarkIt() {
        Random random = new Random(17);
        int replays = 0;
        int notReplays = 0;
        for (int round = 0; round < 2_000; round++) {
            long resetIndex = 50 + random.nextInt(100);
            TrackingToken reset = GapAwareTrackingToken.newInstance(resetIndex, gaps(random, resetIndex));
            long eventIndex = random.nextInt((int) resetIndex + 20);
            TrackingToken event = GapAwareTrackingToken.newInstance(eventIndex, gaps(random, eventIndex));

            TrackingToken expected = ReplayToken.createReplayToken(reset, event);
            TrackingToken marked = new DirectReplay.Replays(reset).token(event);

            assertThat(marked).as("reset %s, event %s", reset, event).isEqualTo(expected);
            assertThat(ReplayToken.isReplay(marked)).as("reset %s, event %s", reset, event)
                    .isEqualTo(ReplayToken.isReplay(expected));
            if (ReplayToken.isReplay(marked)) {
                replays++;
            } else {
                notReplays++;
            }
        }
        assertThat(replays).as("events held at the reset").isGreaterThan(100);
        assertThat(notReplays).as("events in a gap of the reset or after it").isGreaterThan(100);
    }

    /** Axon Server's tokens, and an empty store's (no token at the reset), are left to Axon. */
    @Test
    void otherTokensAreMarkedByAxon() {
        TrackingToken reset = new GlobalSequenceTrackingToken(40);
        for (long index : new long[] {3, 40, 41}) {
            TrackingToken event = new GlobalSequenceTrackingToken(index);
            assertThat(new DirectReplay.Replays(reset).token(event))
                    .isEqualTo(ReplayToken.createReplayToken(reset, event));
        }
        TrackingToken first = GapAwareTrackingToken.newInstance(0, List.of());
        assertThat(new DirectReplay.Replays(null).token(first)).isEqualTo(first);
    }

    private static List<Long> gaps(Random random, long below) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < random.nextInt(6); i++) {
            long gap = Math.max(0, below - 1 - random.nextInt(30));
            if (gap < below) {
                gaps.add(gap);
            }
        }
        return gaps;
    }
}
