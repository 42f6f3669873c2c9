package uk.placements.query.operations;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' processors read through {@link WakingEventSource}. Axon's pooled processor asks its stream to
 * leave out any payload type none of its handlers takes, and Axon Server's stream honours that by no longer sending
 * those events: the processor's position then stopped at the last event it handles, a rebuild waited for a future
 * event (90 s to 622 s) and the lag never reached 0. The stream the processors get must keep every event: the
 * request must not reach the event store's own stream (here one that records what it is asked, standing in for
 * Axon Server's; scripts/topology-check.sh checks the real one).
 */
class EveryEventStaysInTheStreamTest {

    @Test
    void aRequestToLeaveOutAPayloadTypeDoesNotReachTheStoresStream() {
        List<String> leftOut = new ArrayList<>();
        StreamableMessageSource<TrackedEventMessage<?>> store = new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                return new BlockingStream<>() {
                    @Override
                    public Optional<TrackedEventMessage<?>> peek() {
                        return Optional.empty();
                    }

                    @Override
                    public boolean hasNextAvailable(int timeout, java.util.concurrent.TimeUnit unit) {
                        return false;
                    }

                    @Override
                    public TrackedEventMessage<?> nextAvailable() {
                        throw new IllegalStateException("empty");
                    }

                    @Override
                    public void close() {
                    }

                    @Override
                    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
                        leftOut.add(ignored.getPayloadType().getSimpleName());
                    }
                };
            }

            @Override
            public TrackingToken createTailToken() {
                return null;
            }

            @Override
            public TrackingToken createHeadToken() {
                return null;
            }

            @Override
            public TrackingToken createTokenAt(java.time.Instant dateTime) {
                return null;
            }
        };
        TrackedEventMessage<?> unhandled = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(41),
                GenericEventMessage.asEventMessage("an event no handler of this processor takes"));

        try (BlockingStream<TrackedEventMessage<?>> stream = new WakingEventSource(store).openStream(null)) {
            stream.skipMessagesWithPayloadTypeOf(unhandled);
        }

        assertThat(leftOut).as("payload types the store was asked to leave out").isEmpty();
    }
}
