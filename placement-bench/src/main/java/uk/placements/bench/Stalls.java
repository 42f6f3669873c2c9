package uk.placements.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Stalls of the benchmark's JVM, seen from outside any request: a thread asks to sleep for a millisecond, again and
 * again, and notes each time it woke up late by at least {@link #THRESHOLD_NANOS}. Nothing in the JVM ran for that
 * time, or the machine gave it no core: every stop-the-world pause (the collections the GC MXBeans count, and G1's
 * Remark and Cleanup pauses, which they do not count on JDK 17), a safepoint of any other kind, or the operating
 * system running other tenants' work on the two shared cores. A read that such a stall overlapped waited for it
 * whatever its own cost. The technique is Gil Tene's jHiccup, in a few lines.
 */
final class Stalls implements AutoCloseable {

    /** A late wake-up at least this long is a stall: the warm reads' whole target is 10 ms. */
    static final long THRESHOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Stalls kept: the newest, many more than a run of reads meets. */
    private static final int KEPT = 4096;

    private final LongSupplier clock;
    /** Start and end of each stall, oldest first. */
    private final Deque<long[]> stalls = new ArrayDeque<>();
    private final Thread meter;
    private volatile boolean running = true;

    private Stalls(LongSupplier clock, boolean start) {
        this.clock = clock;
        this.meter = new Thread(this::measure, "bench-stall-meter");
        meter.setDaemon(true);
        if (start) {
            meter.start();
        }
    }

    /** A meter measuring from now on, until closed. */
    static Stalls start() {
        return start(System::nanoTime);
    }

    /** A meter measuring by {@code clock} (tests give it a clock of their own). */
    static Stalls start(LongSupplier clock) {
        return new Stalls(clock, true);
    }

    /** A meter that measures nothing by itself; {@link #wokeUp} is fed by hand (tests). */
    static Stalls fedBy(LongSupplier clock) {
        return new Stalls(clock, false);
    }

    private void measure() {
        long before = clock.getAsLong();
        while (running) {
            LockSupport.parkNanos(TICK_NANOS);
            long after = clock.getAsLong();
            wokeUp(before, after);
            before = after;
        }
    }

    /** One tick: asked to sleep at {@code before}, running again at {@code after}. */
    void wokeUp(long before, long after) {
        long late = after - before - TICK_NANOS;
        if (late >= THRESHOLD_NANOS) {
            synchronized (stalls) {
                if (stalls.size() == KEPT) {
                    stalls.removeFirst();
                }
                stalls.addLast(new long[] {before + TICK_NANOS, after});
            }
        }
    }

    /** Whether a stall overlapped the time from {@code start} to {@code end} (both {@link System#nanoTime}). */
    boolean overlapped(long start, long end) {
        synchronized (stalls) {
            var newestFirst = stalls.descendingIterator();
            while (newestFirst.hasNext()) {
                long[] stall = newestFirst.next();
                if (stall[1] <= start) {
                    return false; // this one and every older one ended before the span began
                }
                if (stall[0] < end) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(meter);
    }
}
