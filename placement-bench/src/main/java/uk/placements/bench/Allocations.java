package uk.placements.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * What the JVM allocated between two points, split between the product's request threads (Tomcat's, named {@code
 * http-nio-…}) and every other thread (the benchmark's client, the event processors, the JVM's own), and the
 * stop-the-world collections meanwhile. The product shares the benchmark's JVM: a read's garbage, whoever makes it,
 * sets off the young collections that pause every read, so a phase whose p99 a pause overlapped is read beside who
 * allocated for it. Threads that ended between the two points are not counted.
 */
final class Allocations {

    /** The product's request threads: Tomcat names them {@code http-nio-<port>-exec-<n>}. */
    static final String REQUEST_THREADS = "http-nio-";

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> allocatedAtStart;
    private final long collectionsAtStart;
    private final long collectionMillisAtStart;

    private Allocations() {
        this.allocatedAtStart = allocatedByThread();
        this.collectionsAtStart = collections(false);
        this.collectionMillisAtStart = collections(true);
    }

    /** Counting from now. */
    static Allocations start() {
        return new Allocations();
    }

    /**
     * What was allocated and collected since {@link #start}; of the other threads, the group (threads named alike,
     * their numbers left out) that allocated most, and how much.
     */
    record Since(long requestThreadBytes, long otherBytes, String topOther, long topOtherBytes, long collections,
                 long collectionMillis) {

        /** Per sample, in kB, with the collections of the whole span. */
        String perSample(int samples) {
            int n = Math.max(1, samples);
            return String.format("%,.0f kB by the product's request threads, %,.0f kB by the rest of the JVM (most:"
                            + " %s, %,.0f kB); %d collections taking %,d ms in all", requestThreadBytes / 1024.0 / n,
                    otherBytes / 1024.0 / n, topOther, topOtherBytes / 1024.0 / n, collections, collectionMillis);
        }
    }

    Since since() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        long request = 0;
        long other = 0;
        Map<String, Long> byGroup = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] < 0 || infos[i] == null) {
                continue; // ended meanwhile, or measuring is off
            }
            long allocated = bytes[i] - allocatedAtStart.getOrDefault(ids[i], 0L);
            if (infos[i].getThreadName().startsWith(REQUEST_THREADS)) {
                request += allocated;
            } else {
                other += allocated;
                byGroup.merge(group(infos[i].getThreadName()), allocated, Long::sum);
            }
        }
        Map.Entry<String, Long> top = byGroup.entrySet().stream().max(Map.Entry.comparingByValue())
                .orElse(Map.entry("none", 0L));
        return new Since(request, other, top.getKey(), top.getValue(), collections(false) - collectionsAtStart,
                collections(true) - collectionMillisAtStart);
    }

    /**
     * A thread's group: its name with each number standing alone (after a separator) written N, so that a pool's
     * threads are one group; a digit within a word stays ({@code h2-housekeeping}).
     */
    static String group(String threadName) {
        return threadName.replaceAll("(?<![A-Za-z0-9])[0-9]+(?![A-Za-z])", "N");
    }

    private static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> allocated = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                allocated.put(ids[i], bytes[i]);
            }
        }
        return allocated;
    }

    /**
     * The stop-the-world collections so far (G1's young and full ones; its concurrent cycles, which do not stop the
     * JVM, count apart and are left out): their number, or with {@code millis} their time in all.
     */
    static long collections(boolean millis) {
        long sum = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!collector.getName().contains("Concurrent")) {
                sum += Math.max(0, millis ? collector.getCollectionTime() : collector.getCollectionCount());
            }
        }
        return sum;
    }
}
