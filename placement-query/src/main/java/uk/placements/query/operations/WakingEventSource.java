package uk.placements.query.operations;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store as the read models' processors stream it, waking them as soon as new events are there.
 * <p>
 * A pooled processor that has read everything asks its stream to call it back when more arrives; the embedded event
 * store's streams cannot, and the processor then looks again only after a fixed 500 ms (hard-coded in Axon's
 * coordinator). Every caseworker's save waited for that before the page after it could show the change: the
 * benchmark measured the projection lag at 500 ms (p50) at every size, on H2 and PostgreSQL. Here one watcher
 * thread tails the same store (its stream shares the store's read-ahead with the processors' streams) and calls every
 * registered callback whenever events arrive, whoever appended them (this process or another service on the same
 * database). A store whose streams call back themselves (Axon Server's) is left to do so, and no watcher starts.
 */
public final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Duration pause;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;
    private volatile boolean stopped;

    /** Wakes the processors as soon as events arrive. */
    public WakingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this(store, Duration.ZERO);
    }

    /**
     * Wakes the processors when events arrive, then lets {@code pause} pass before waking them again: under a
     * sustained stream of commands each wake-up costs every processor's segments a transaction, so a pause trades
     * a little lag for fewer, larger batches.
     */
    public WakingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration pause) {
        this.store = store;
        this.pause = pause;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Waking(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /**
     * Ends the watcher (the application is stopping) within its next second of waiting. It is not interrupted: it may
     * be reading the event store, and H2 closes its database file under a thread interrupted while reading it.
     */
    public void stop() {
        stopped = true;
    }

    private synchronized void ensureWatching() {
        if (watcher == null && !stopped) {
            watcher = new Thread(this::watch, "event-arrivals");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    private void watch() {
        while (!stopped) {
            try (BlockingStream<TrackedEventMessage<?>> tail = store.openStream(store.createHeadToken())) {
                while (!stopped) {
                    if (tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        while (tail.hasNextAvailable()) {
                            tail.nextAvailable();
                        }
                        callbacks.forEach(Runnable::run);
                        if (!pause.isZero()) {
                            Thread.sleep(pause.toMillis());
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the processors still look every 500 ms without us; try again in a moment
                log.debug("Watching for new events failed; trying again in a second", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A processor's stream, answering its request for a call back when the store's own stream cannot. */
    private final class Waking implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile Runnable callback;

        Waking(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (stream.setOnAvailableCallback(callback)) {
                return true;
            }
            Runnable earlier = this.callback;
            if (earlier != null) {
                callbacks.remove(earlier);
            }
            this.callback = callback;
            callbacks.add(callback);
            ensureWatching();
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            stream.close();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        /**
         * Ignored on purpose: every event stays in the stream, those no handler of the processor takes included.
         * Axon's pooled processor asks the stream to leave out a payload type it has no handler for, and Axon Server
         * then stops sending those events altogether, so the processor's position stopped at the last event it
         * handles: with such events last in the store a rebuild waited for the head until an unrelated event came
         * (90 s to 622 s seen in the axonserver mode) and the read model showed a lag for ever. Passing over them
         * here moves the position to the head in both modes (the JDBC store never left them out).
         */
        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            // every event's position counts
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return stream.asStream();
        }
    }
}
