package uk.placements.bench;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept whole (a benchmark run records at most a few million) so percentiles are exact
 * rather than bucketed. Thread-safe; merge the recorders of several clients with {@link #add(Latencies)}.
 */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    /**
     * The samples no pause overlapped, kept beside all of them when the caller tells ({@link #record(long,
     * boolean)}): a garbage collection's, or any stall of the JVM ({@link Stalls}). The product runs in the
     * benchmark's JVM, whose own garbage (the loaded history's commands, the load's clients) also sets off
     * collections, on cores other tenants share; a pause of tens of ms in a 5 ms read is its p99 at 20 samples.
     * Context for the p99, never instead of it.
     */
    private Latencies withoutPauses;
    private int overlappedPause;

    /** Records a sample and whether a collection or a stall paused the JVM while it was taken. */
    synchronized void record(long latencyNanos, boolean paused) {
        record(latencyNanos);
        if (withoutPauses == null) {
            withoutPauses = new Latencies();
        }
        if (paused) {
            overlappedPause++;
        } else {
            withoutPauses.record(latencyNanos);
        }
    }

    /** How many samples a pause or a stall overlapped (0 unless recorded with {@link #record(long, boolean)}). */
    synchronized int overlappedPause() {
        return overlappedPause;
    }

    /** The p99 of the samples no pause overlapped; NaN when not told or none. */
    synchronized double p99WithoutPauses() {
        return withoutPauses == null ? Double.NaN : withoutPauses.p99();
    }

    synchronized void add(Latencies other) {
        long[] theirs = other.snapshot();
        for (long n : theirs) {
            record(n);
        }
    }

    synchronized int count() {
        return count;
    }

    synchronized long[] snapshot() {
        return Arrays.copyOf(nanos, count);
    }

    /** The {@code p}th percentile (0 to 100) in milliseconds, NaN when nothing was recorded. */
    double percentileMillis(double p) {
        long[] sorted = snapshot();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /**
     * The {@code n} slowest samples, slowest first, each with its place in the order taken (1 is the first after
     * the warm-up): whether a p99 is the first reads after a load or spread over the run.
     */
    synchronized String slowest(int n) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(n, count); i++) {
            text.append(i == 0 ? "" : ", ").append(String.format("#%d %s ms", order[i] + 1,
                    Report.format(nanos[order[i]] / 1e6)));
        }
        return text.append(" (of ").append(count).append(')').toString();
    }

    private String allocated;

    /** What the JVM allocated per sample while they were taken ({@link Allocations}); null when not told. */
    synchronized void allocated(String perSample) {
        this.allocated = perSample;
    }

    synchronized String allocated() {
        return allocated;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }
}
