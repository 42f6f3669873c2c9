package uk.placements.bench;

import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.provision.command.CommissionProvision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The reads people wait on, each timed over HTTP against the loaded product: a caseworker's caseload page, one
 * placement, one provision, and every dashboard, asked again as it is and for a new date each time (computed, never
 * a kept answer). Placements and provisions are picked at random among the loaded ones. Sequential requests (one
 * user), after a short warm-up.
 */
final class Queries {

    private static final int WARM_UP = 10;
    /** Requests that did not answer 200, over the whole run. */
    static final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

    private Queries() {
    }

    static Map<String, Latencies> measure(int port, List<Object> loaded, int samples) {
        List<String> placements = new ArrayList<>();
        List<String> provisions = new ArrayList<>();
        for (Object command : loaded) {
            if (command instanceof ReferPupil refer) {
                placements.add(refer.placementId().value());
            } else if (command instanceof CommissionProvision commission) {
                provisions.add(commission.provisionId().value());
            }
        }
        Random random = new Random(7);
        HttpClientPool http = new HttpClientPool(port);
        Map<String, Latencies> results = new LinkedHashMap<>();
        results.put("caseload page", time(http, "caseworker", samples, () -> "/api/placements?page=0&size=50"));
        results.put("a placement", time(http, "caseworker", samples,
                () -> "/api/placements/" + placements.get(random.nextInt(placements.size()))));
        results.put("a provision", time(http, "caseworker", samples,
                () -> "/api/provisions/" + provisions.get(random.nextInt(provisions.size()))));
        for (String dashboard : List.of("capacity", "waiting-list", "inclusion")) {
            results.put("dashboard " + dashboard, time(http, "analyst", samples,
                    () -> "/api/dashboard/" + dashboard));
        }
        // The product keeps a dashboard's answer until the read models move: the reads above, one user asking
        // again, are mostly answered from it. A new date each time is never kept, so it times the computation.
        for (String dashboard : List.of("capacity", "waiting-list", "inclusion")) {
            LocalDate today = LocalDate.now();
            int[] daysBack = {0};
            results.put("dashboard " + dashboard + " (cold: a new date each read)", time(http, "analyst", samples,
                    () -> "/api/dashboard/" + dashboard + "?asOf=" + today.minusDays(++daysBack[0])));
        }
        return results;
    }

    private static Latencies time(HttpClientPool http, String user, int samples, Supplier<String> paths) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < WARM_UP + samples; i++) {
            String path = paths.get();
            long start = System.nanoTime();
            HttpClientPool.Answer answer = http.get(path, user);
            long took = System.nanoTime() - start;
            if (answer.status() != 200) {
                // Reported, not fatal: one failing page must not hide every other figure of the run.
                System.out.println("BENCH query failed: GET " + path.replaceAll("[0-9a-f-]{36}", "{id}")
                        + " answered " + answer.status() + " (599: no answer within 30 s or connection lost)");
                failures.incrementAndGet();
            } else if (i >= WARM_UP) {
                latencies.record(took);
            }
        }
        return latencies;
    }
}
