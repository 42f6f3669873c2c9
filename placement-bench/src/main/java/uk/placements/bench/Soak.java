package uk.placements.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mixed load for a long time on H2 (the product's default): the command mix from 16 clients over HTTP plus a reader
 * on the caseload and placements, reporting each minute the commands' and reads' p50/p99, the heap in use after the
 * last collection and the process's resident memory. Drift shows as rising latencies or a rising heap floor.
 * The product runs in the benchmark's JVM, so heap and RSS include the benchmark's clients (small and constant).
 */
final class Soak {

    private Soak() {
    }

    static void run(Database database, BenchOptions options) throws Exception {
        int spare = (int) Math.min(2_000_000, options.soak().toSeconds() * 600);
        var plan = Plans.authority(10_000, spare);
        List<Object> commands = plan.commands();
        String url = database.create("bench_soak");
        Map<Long, Latencies> writes = new ConcurrentHashMap<>();
        Map<Long, Latencies> reads = new ConcurrentHashMap<>();
        FileSizes sizes = FileSizes.sample(url, "soak");
        try (Product product = Product.start(database, url, options.snapshotThreshold())) {
            int sent = BulkLoad.until(product, commands, 0, 10_000);
            // The plan commissions its provisions first (one per 16 placements, the soak's casework included): the
            // first 10,000 events may hold no referral yet, and the reader reads referred placements back.
            while (sent < commands.size() && commands.subList(0, sent).stream()
                    .noneMatch(c -> c instanceof uk.placements.shared.placement.command.ReferPupil)) {
                sent = BulkLoad.until(product, commands, sent, product.events() + 2_000);
            }
            int next = sent;
            product.awaitProjections(Duration.ofMinutes(10));
            long started = System.nanoTime();
            CommandLoad load = new CommandLoad(options.clients(), options.soak(),
                    (at, latency) -> writes.computeIfAbsent(minute(started, at), m -> new Latencies()).record(latency));
            ExecutorService background = Executors.newFixedThreadPool(2);
            Future<CommandLoad.Result> result = background.submit(() ->
                    load.overHttp(product.port(), commands.subList(next, commands.size())));
            List<Object> loaded = commands.subList(0, next);
            background.submit(() -> read(product.port(), loaded, started, options.soak(), reads));
            System.out.println("SOAK minute | commands | cmd p50 ms | cmd p99 ms | reads | read p50 ms | read p99 ms"
                    + " | heap after GC MiB | RSS MiB | H2 file MB (largest so far)");
            // Minutes count from before the clients split the casework and sign in, so the first is partly set-up;
            // the last is whatever remains after the set-up and the load's own warm-up.
            for (long minute = 0; ; minute++) {
                long until = started + Duration.ofMinutes(minute + 1).toNanos();
                while (System.nanoTime() < until && !result.isDone()) {
                    Thread.sleep(200);
                }
                Latencies w = writes.getOrDefault(minute, new Latencies());
                Latencies r = reads.getOrDefault(minute, new Latencies());
                System.out.printf("SOAK %6d | %8d | %10.2f | %10.2f | %5d | %11.2f | %11.2f | %17.0f | %7.0f | %.1f%n",
                        minute + 1, w.count(), w.p50(), w.p99(), r.count(), r.p50(), r.p99(), heapAfterGcMiB(),
                        StartUp.rssMiB(ProcessHandle.current().pid()), FileSizes.mb(sizes.largest("soak")));
                if (result.isDone()) {
                    break;
                }
            }
            CommandLoad.Result done = result.get();
            System.out.printf("SOAK total: %d commands (%d refused, %d errors)%s %s%n", done.sent(), done.refused(),
                    done.errors(), done.seconds() < options.soak().toSeconds() - 1 ? " - the generated casework ran out"
                            : "", done.firstError());
            background.shutdownNow();
        } finally {
            sizes.close();
        }
        double largest = FileSizes.mb(sizes.largest("soak"));
        double compacted = FileSizes.mb(FileSizes.compacted(url));
        System.out.printf("SOAK H2 file: largest %.1f MB, after compacting close %.1f MB: %.2fx (target <= 3x: %s)%n",
                largest, compacted, largest / compacted, largest / compacted <= 3 ? "MET" : "MISSED");
    }

    private static Void read(int port, List<Object> loaded, long started, Duration time,
                             Map<Long, Latencies> reads) {
        HttpClientPool http = new HttpClientPool(port);
        List<String> ids = loaded.stream().filter(c -> c instanceof uk.placements.shared.placement.command.ReferPupil)
                .map(Plans::target).toList();
        if (ids.isEmpty()) {
            System.out.println("SOAK reads: no referral among the loaded commands to read back");
            return null;
        }
        java.util.Random random = new java.util.Random(3);
        long deadline = started + time.toNanos();
        int i = 0;
        int failures = 0;
        while (System.nanoTime() < deadline) {
            String path = i++ % 2 == 0 ? "/api/placements?page=0&size=50"
                    : "/api/placements/" + ids.get(random.nextInt(ids.size()));
            long start = System.nanoTime();
            try {
                http.get(path, "caseworker");
            } catch (RuntimeException failed) {
                // a failed read is no latency; say so once and go on (the executor would swallow it silently)
                if (failures++ == 0) {
                    System.out.println("SOAK a read failed (told once): " + failed);
                }
                continue;
            }
            long end = System.nanoTime();
            reads.computeIfAbsent(minute(started, end), m -> new Latencies()).record(end - start);
        }
        return null;
    }

    private static long minute(long started, long at) {
        return (at - started) / Duration.ofMinutes(1).toNanos();
    }

    /** Heap in use just after the last collection of each heap pool: the floor that a leak would raise. */
    static double heapAfterGcMiB() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used / (1024.0 * 1024.0);
    }
}
