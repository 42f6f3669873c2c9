package uk.placements.query.operations;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A stream read on a thread of its own, a few batches ahead of the caller, which handles the batches in order on its
 * own thread (a rebuild's, holding its unit of work and transaction). Each item is prepared before it is handled (a
 * rebuild deserialises its events then): on the reader's thread, or batch by batch on threads of their own
 * ({@code preparers}), so that reading, preparing and handling overlap as a pipeline, on as many cores as there are.
 * The batches are handled in the order read whichever thread prepared them, each once every item of it is prepared.
 * <p>
 * A failure of the reader or of a preparer fails {@link #run} once the batches read before it are handled; a failure
 * of the handler stops the reader at its next batch and closes the stream. The reader is never interrupted: H2 closes
 * its database file under a thread interrupted in the middle of reading it. (The preparers do not read the database.)
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

    /** A batch as read, and its preparation: done when every item of it is prepared. */
    private record Batch<T>(List<T> items, CompletableFuture<Void> prepared) {
    }

    private ReadAhead() {
    }

    /**
     * Reads the stream {@code open} gives, preparing each item, and hands it to {@code handler} in batches of {@code
     * batchSize} (the last may be smaller), at most {@code ahead} batches read ahead; returns when every batch is
     * handled, with the nanoseconds the handler's thread waited for the reader and the preparers (reading was the
     * slower: the handlers had nothing to do). With {@code preparers} 0 the reader prepares each item itself; with
     * more, that many threads prepare whole batches while the reader reads the next.
     */
    @SuppressWarnings("unchecked")
    static <T> long run(String name, Supplier<Stream<? extends T>> open, int batchSize, int ahead, int preparers,
                        Consumer<? super T> prepare, Handler<T> handler) {
        BlockingQueue<Object> ready = new ArrayBlockingQueue<>(ahead);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = preparers == 0 ? null : Executors.newFixedThreadPool(preparers, task -> {
            Thread thread = new Thread(task, "prepare-" + name);
            thread.setDaemon(true);
            return thread;
        });
        Thread reader = new Thread(() -> read(open, batchSize, prepare, pool, ready, stop), "read-ahead-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            long waited = 0;
            while (true) {
                long waiting = System.nanoTime();
                Object next = ready.take();
                if (next == END) {
                    return waited + System.nanoTime() - waiting;
                }
                if (next instanceof ReadFailed failed) {
                    throw new IllegalStateException("reading for " + name + " failed", failed.cause());
                }
                Batch<T> batch = (Batch<T>) next;
                try {
                    batch.prepared().join();
                } catch (CompletionException failed) {
                    throw new IllegalStateException("reading for " + name + " failed", failed.getCause());
                }
                waited += System.nanoTime() - waiting;
                handler.handle(batch.items());
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
            if (pool != null) {
                pool.shutdown(); // a batch still being prepared finishes on its own; nothing waits for it
            }
        }
    }

    private static <T> void read(Supplier<Stream<? extends T>> open, int batchSize, Consumer<? super T> prepare,
                                 ExecutorService pool, BlockingQueue<Object> ready, AtomicBoolean stop) {
        Object last = END;
        try (Stream<? extends T> stream = open.get()) {
            Iterator<? extends T> items = stream.iterator();
            List<T> batch = new ArrayList<>(batchSize);
            while (items.hasNext()) {
                T item = items.next();
                if (pool == null) {
                    prepare.accept(item);
                }
                batch.add(item);
                if (batch.size() == batchSize) {
                    if (!hand(ready, prepared(batch, prepare, pool), stop)) {
                        return;
                    }
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty() && !hand(ready, prepared(batch, prepare, pool), stop)) {
                return;
            }
        } catch (Throwable failure) {
            last = new ReadFailed(failure);
        }
        hand(ready, last, stop);
    }

    /** The batch with its preparation: already done on the reader's thread, or started on a preparer's. */
    private static <T> Batch<T> prepared(List<T> items, Consumer<? super T> prepare, ExecutorService pool) {
        if (pool == null) {
            return new Batch<>(items, CompletableFuture.completedFuture(null));
        }
        return new Batch<>(items, CompletableFuture.runAsync(() -> items.forEach(prepare), pool));
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
