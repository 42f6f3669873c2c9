package uk.placements.bench;

import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.provision.command.CommissionProvision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The reads people wait on, each timed over HTTP against the loaded product: a caseworker's caseload page, one
 * placement, one provision, every dashboard, asked again as it is and for a new date each time (computed, never
 * a kept answer), and finance's money reads (spend, the year's ledger, this month's payment schedule and its CSV). Placements and provisions are picked at random among the loaded ones. Sequential requests (one
 * user), after a short warm-up.
 */
final class Queries {

    private static final int WARM_UP = 10;
    /** The demo user with the FINANCE role (the money reads are FINANCE, ANALYST and ADMIN; schedules FINANCE). */
    private static final String FINANCE = "finance";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    /** Requests that did not answer 200, over the whole run. */
    static final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

    private Queries() {
    }

    /**
     * The p99 each read is held to, in ms: issue 14's targets for the dashboards (warm 10, cold 50) and the caseload
     * page (15); 10 for the other reads.
     */
    static double p99Target(String what) {
        if (what.startsWith("dashboard ") && what.contains("(cold")) {
            return 50;
        }
        return what.equals("caseload page") ? 15 : 10;
    }

    static Map<String, Latencies> measure(int port, List<Object> loaded, int samples) {
        return measure(port, loaded, samples, (what, figure) -> { });
    }

    /** As above; {@code info} receives what the money reads answered (their size), to print beside the timings. */
    static Map<String, Latencies> measure(int port, List<Object> loaded, int samples,
                                          BiConsumer<String, String> info) {
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
        // The same without gzip, for comparison: a kept answer is sent gzipped to a client that accepts it, as a
        // browser does (the capacity dashboard's 660 kB are 27 kB), and as it is to this one.
        results.put("dashboard capacity (without gzip)", time(HttpClientPool.identity(port), "analyst", samples,
                () -> "/api/dashboard/capacity"));
        // The product keeps a dashboard's answer until the read models move: the reads above, one user asking
        // again, are mostly answered from it. A new date each time is never kept, so it times the computation.
        for (String dashboard : List.of("capacity", "waiting-list", "inclusion")) {
            LocalDate today = LocalDate.now();
            int[] daysBack = {0};
            results.put("dashboard " + dashboard + " (cold: a new date each read)", time(http, "analyst", samples,
                    () -> "/api/dashboard/" + dashboard + "?asOf=" + today.minusDays(++daysBack[0])));
        }
        answered(http, LocalDate.now().minusDays(1), info);
        money(http, samples, results, info);
        return results;
    }

    /**
     * The money reads (docs/funding.md, "The funding ledger"), as finance asks them. Nothing keeps their answers,
     * so "warm" is the same request again (the database's and the JVM's caches warm) and "cold" a date not asked
     * before. Money "as at" a day means as known at that day's end, and every event the bench loaded was recorded
     * today (the run's clock), so the ledger as at any earlier day knows none of it and would time an empty
     * computation: the cold dates are the days after today instead (each new, all of today's facts known, within
     * the same financial year for a month). The schedule is this month's (provisional): everything the bench loaded
     * was recorded this month, so it holds the month's due lines and an adjustment for every earlier month of every
     * funded placement, the largest schedule the loaded history has; an earlier month's, as known when it ended, is
     * empty.
     */
    private static void money(HttpClientPool http, int samples, Map<String, Latencies> results,
                              BiConsumer<String, String> info) {
        LocalDate today = LocalDate.now();
        String year = FinancialYear.of(today).toString();
        YearMonth month = YearMonth.from(today);
        int[] spendDays = {0};
        int[] ledgerDays = {0};
        results.put("money: spend (warm: the same date)", time(http, FINANCE, samples,
                () -> "/api/funding/spend?asOf=" + today));
        results.put("money: spend (cold: a new date each read)", time(http, FINANCE, samples,
                () -> "/api/funding/spend?asOf=" + today.plusDays(++spendDays[0])));
        results.put("money: ledger of the financial year (warm: the same date)", time(http, FINANCE, samples,
                () -> "/api/funding/ledger?year=" + year + "&asOf=" + today));
        results.put("money: ledger of the financial year (cold: a new date each read)", time(http, FINANCE, samples,
                () -> "/api/funding/ledger?year=" + year + "&asOf=" + today.plusDays(++ledgerDays[0])));
        results.put("money: payment schedule of this month (JSON)", time(http, FINANCE, samples,
                () -> "/api/funding/schedules?month=" + month));
        results.put("money: payment schedule of this month (CSV)", time(http, FINANCE, samples, CSV,
                () -> "/api/funding/schedules/" + month + ".csv"));

        HttpClientPool.Answer spend = http.get("/api/funding/spend?asOf=" + today, FINANCE);
        HttpClientPool.Answer schedule = http.get("/api/funding/schedules?month=" + month, FINANCE);
        HttpClientPool.Answer csv = http.get("/api/funding/schedules/" + month + ".csv", FINANCE, CSV);
        if (spend.status() == 200 && schedule.status() == 200 && csv.status() == 200) {
            var spent = spend.json();
            var scheduled = schedule.json();
            long lines = csv.body().lines().count() - 1;
            long adjustments = csv.body().lines().filter(l -> l.contains(",ADJUSTMENT,")).count();
            info.accept("money: what the reads answered", String.format(
                    "spend %s: %d provisions, totals %s, committed to year end %s; schedule %s: %d schools,"
                            + " totals %s; CSV %,d lines (%,d adjustments), %,d bytes", year,
                    spent.path("byProvision").size(), spent.path("totals"), spent.path("committedToYearEnd"),
                    month, scheduled.path("schools").size(), scheduled.path("totals"), lines, adjustments,
                    csv.body().length()));
        }
    }

    /**
     * The size of what the dashboards answer as at {@code asOf} (the first cold date): the rows a cold read cannot
     * avoid. With the fixed authority the provisions are the same at every size, but the waiting list is the
     * authority's as its loaded history ends, which differs between stages; a cold read's growth from the
     * 10,000-event stage is to be read beside the growth of its answer.
     */
    private static void answered(HttpClientPool http, LocalDate asOf, BiConsumer<String, String> info) {
        HttpClientPool.Answer capacity = http.get("/api/dashboard/capacity?asOf=" + asOf, "analyst");
        HttpClientPool.Answer waiting = http.get("/api/dashboard/waiting-list?asOf=" + asOf, "analyst");
        HttpClientPool.Answer inclusion = http.get("/api/dashboard/inclusion?asOf=" + asOf, "analyst");
        if (capacity.status() == 200 && waiting.status() == 200 && inclusion.status() == 200) {
            var capacities = capacity.json();
            var waitingList = waiting.json();
            info.accept("dashboards: what the cold reads answered", String.format(
                    "as at %s: capacity %,d provisions (%,d on roll, %,d offers outstanding); waiting list %,d"
                            + " referrals in %,d groups; inclusion %,d provisions", asOf,
                    capacities.path("provisions").size(), capacities.path("total").path("onRoll").asInt(),
                    capacities.path("total").path("offersOutstanding").asInt(),
                    waitingList.path("total").path("count").asInt(), waitingList.path("groups").size(),
                    inclusion.json().path("provisions").size()));
        }
    }

    private static Latencies time(HttpClientPool http, String user, int samples, Supplier<String> paths) {
        return time(http, user, samples, JSON, paths);
    }

    /** A timed request: when it was sent and answered ({@link System#nanoTime}), and whether a collection ran. */
    private record Sample(long start, long end, boolean collected) {
    }

    private static Latencies time(HttpClientPool http, String user, int samples, String accept,
                                  Supplier<String> paths) {
        List<Sample> timed = new ArrayList<>();
        Allocations allocations = null;
        try (Stalls stalls = Stalls.start()) {
            for (int i = 0; i < WARM_UP + samples; i++) {
                if (i == WARM_UP) {
                    allocations = Allocations.start();
                }
                String path = paths.get();
                long collections = Allocations.collections(false);
                long start = System.nanoTime();
                HttpClientPool.Answer answer = http.get(path, user, accept);
                long end = System.nanoTime();
                boolean collected = Allocations.collections(false) != collections;
                if (answer.status() != 200) {
                    // Reported, not fatal: one failing page must not hide every other figure of the run.
                    System.out.println("BENCH query failed: GET " + path.replaceAll("[0-9a-f-]{36}", "{id}")
                            + " answered " + answer.status() + " (599: no answer within 30 s or connection lost)");
                    failures.incrementAndGet();
                } else if (i >= WARM_UP) {
                    timed.add(new Sample(start, end, collected));
                }
            }
            // the meter notes a stall when it wakes up after it: give it the time to note one that ended last
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            Latencies latencies = new Latencies();
            for (Sample sample : timed) {
                latencies.record(sample.end() - sample.start(),
                        sample.collected() || stalls.overlapped(sample.start(), sample.end()));
            }
            if (allocations != null) {
                latencies.allocated(allocations.since().perSample(samples));
            }
            return latencies;
        }
    }
}
