package uk.placements.query.operations;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A stream read on a thread of its own, a few batches ahead of the caller, which handles the batches in order on its
 * own thread (a rebuild's, holding its unit of work and transaction). Each item is prepared on the reader's thread
 * first (a rebuild deserialises its events there), so reading and preparing overlap the handling on a second core.
 * <p>
 * A failure of the reader fails {@link #run} once the batches read before it are handled; a failure of the handler
 * stops the reader at its next batch and closes the stream. The reader is never interrupted: H2 closes its database
 * file under a thread interrupted in the middle of reading it.
 */
final class ReadAhead {

    /** Handles one batch, in the caller's thread. */
    interface Handler<T> {
        void handle(List<T> batch);
    }

    /** The reader's last word: every item has been read. */
    private static final Object END = new Object();

    /** What stopped the reader. */
    private record ReadFailed(Throwable cause) {
    }

    private ReadAhead() {
    }

    /**
     * Reads the stream {@code open} gives, preparing each item, and hands it to {@code handler} in batches of {@code
     * batchSize} (the last may be smaller), at most {@code ahead} batches read ahead; returns when every batch is
     * handled, with the nanoseconds the handler's thread waited for the reader (reading was the slower: the
     * handlers had nothing to do).
     */
    @SuppressWarnings("unchecked")
    static <T> long run(String name, Supplier<Stream<? extends T>> open, int batchSize, int ahead,
                        Consumer<? super T> prepare, Handler<T> handler) {
        BlockingQueue<Object> ready = new ArrayBlockingQueue<>(ahead);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> read(open, batchSize, prepare, ready, stop), "read-ahead-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            long waited = 0;
            while (true) {
                long waiting = System.nanoTime();
                Object next = ready.take();
                waited += System.nanoTime() - waiting;
                if (next == END) {
                    return waited;
                }
                if (next instanceof ReadFailed failed) {
                    throw new IllegalStateException("reading for " + name + " failed", failed.cause());
                }
                handler.handle((List<T>) next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading for " + name + " was interrupted", e);
        } finally {
            stop.set(true);
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T> void read(Supplier<Stream<? extends T>> open, int batchSize, Consumer<? super T> prepare,
                                 BlockingQueue<Object> ready, AtomicBoolean stop) {
        Object last = END;
        try (Stream<? extends T> stream = open.get()) {
            Iterator<? extends T> items = stream.iterator();
            List<T> batch = new ArrayList<>(batchSize);
            while (items.hasNext()) {
                T item = items.next();
                prepare.accept(item);
                batch.add(item);
                if (batch.size() == batchSize) {
                    if (!hand(ready, batch, stop)) {
                        return;
                    }
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty() && !hand(ready, batch, stop)) {
                return;
            }
        } catch (Throwable failure) {
            last = new ReadFailed(failure);
        }
        hand(ready, last, stop);
    }

    /** Puts {@code item} in the queue once there is room; false if the caller stopped meanwhile. */
    private static boolean hand(BlockingQueue<Object> ready, Object item, AtomicBoolean stop) {
        try {
            while (!ready.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stop.get()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
