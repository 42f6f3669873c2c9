package uk.placements.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.placements.app.crash.CommandLog.Outcome;
import uk.placements.command.http.Api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety (issue 7): the packaged placement-app as a child process on an H2 file database, under a concurrent
 * mix of placement and provision commands, killed with SIGKILL {@value #KILLS} times at random moments and
 * restarted on the same files each time. The client logs every command: acknowledged (with id and version),
 * refused, or answer lost with the connection. At the end:
 * <ul>
 *     <li>every acknowledged command's events are in the event store exactly once, at the version it
 *     acknowledged; refused commands recorded nothing; a command whose answer was lost recorded all of its events
 *     or none (an offer's PlaceOffered and the provision's PlaceReserved together); no event lacks a command;</li>
 *     <li>sequence numbers are contiguous; each provision's held places are exactly the placements offered or
 *     admitted there, and the read model's figures agree;</li>
 *     <li>after the last restart the read models caught up to the same checksum a full rebuild produces.</li>
 * </ul>
 * The random moments come from a seed printed at the start (set {@code -Dcrash.seed=} to repeat a run's choices).
 */
class CrashSafetyIT {

    static final int PLACES = 8;
    private static final int KILLS = 3;
    private static final int PROVISIONS = 4;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedCommandsSurviveRepeatedKillDashNineExactlyOnceAndReadModelsConverge() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashSafetyIT seed " + seed);
        Random random = new Random(seed);
        CommandLog log = new CommandLog();
        try (ChildApp app = new ChildApp(dataDir)) {
            app.launch();
            List<String> provisions = commission(app.api(), log);
            MixedLoad load = new MixedLoad(app, log, provisions, seed);
            load.start(6);
            for (int kill = 1; kill <= KILLS; kill++) {
                long acknowledgedBefore = log.count(Outcome.ACKNOWLEDGED);
                awaitAcknowledged(log, acknowledgedBefore + 20 + random.nextInt(40));
                Thread.sleep(random.nextInt(500));
                app.kill();
                System.out.printf("kill %d: %d commands acknowledged in that run%n", kill,
                        log.count(Outcome.ACKNOWLEDGED) - acknowledgedBefore);
                app.launch();
            }
            awaitAcknowledged(log, log.count(Outcome.ACKNOWLEDGED) + 30);
            load.stop();
            System.out.println("CrashSafetyIT: " + log.summary() + "; start-up ms " + app.startMillis());

            assertThat(log.with(Outcome.SERVER_ERROR)).as("5xx answers").isEmpty();
            assertThat(log.count(Outcome.LOST)).as("commands abandoned after losing their answer").isPositive();
            assertThat(log.count(Outcome.ACKNOWLEDGED)).as("acknowledged commands").isGreaterThan(100);

            Map<String, JsonNode> provisionViews = readModelsConverge(app.api(), provisions);
            Map<String, JsonNode> placementViews = placementViews(app.api(), log);
            app.stop();

            EventStoreAudit store = EventStoreAudit.read(app.jdbcUrl());
            store.sequencesAreContiguous();
            store.noEventWithoutACommand(log);
            store.everyCommandAllOrNothing(log);
            Map<String, EventStoreAudit.PlacementFold> placements = store.placements();
            Map<String, Set<String>> held = store.placesMatchPlacements(placements);
            List<String> problems = new ArrayList<>(store.problems());
            problems.addAll(readModelsAgree(provisionViews, placementViews, held, placements, store.versions()));
            System.out.printf("CrashSafetyIT: %d events, %d placements; %d abandoned commands had committed "
                    + "before the kill%n", store.eventCount(), placements.size(), store.abandonedButRecorded(log));
            assertThat(problems).as("what the event store and read models hold against the client's log")
                    .isEmpty();
        }
    }

    /** The moment of each kill: after a random number of acknowledgements in the run, so each run does work. */
    static void awaitAcknowledged(CommandLog log, long count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (log.count(Outcome.ACKNOWLEDGED) < count) {
            assertThat(System.currentTimeMillis()).as("load makes progress: " + log.summary()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    static List<String> commission(Api api, CommandLog log) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PROVISIONS; i++) {
            String id = Api.newProvisionId("CRASH");
            String correlationId = "commission-" + id;
            Api.Answer a = api.post("provision-admin", "/api/provisions",
                    Api.provisionJson(id, "RESOURCE_BASE", 0, 6, "\"ASD\"", PLACES),
                    "X-Correlation-Id", correlationId);
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            log.record(new CommandLog.Sent(correlationId, CommandLog.Kind.COMMISSION, id, id, Outcome.ACKNOWLEDGED,
                    201, a.json().get("version").asLong(), 0, null));
            ids.add(id);
        }
        return ids;
    }

    /**
     * Waits for every projection to reach the event store's head, then rebuilds each from the events: what the
     * projections made of the crashes must equal what a clean replay makes. Returns each provision as read.
     */
    static Map<String, JsonNode> readModelsConverge(Api api, List<String> provisions) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode status = api.get("admin", "/api/admin/projections").json();
        while (!caughtUp(status)) {
            assertThat(System.currentTimeMillis()).as("projections catch up: " + status).isLessThan(deadline);
            Thread.sleep(100);
            status = api.get("admin", "/api/admin/projections").json();
        }
        Map<String, JsonNode> views = new HashMap<>();
        for (String provision : provisions) {
            views.put(provision, api.get("admin", "/api/provisions/" + provision).json());
        }
        for (JsonNode projection : status) {
            String name = projection.get("name").asText();
            Api.Answer rebuilt = api.post("admin", "/api/admin/projections/" + name + "/rebuild", "");
            assertThat(rebuilt.status()).as(name + ": " + rebuilt.body()).isEqualTo(200);
            JsonNode report = rebuilt.json();
            System.out.printf("rebuilt %s: %d events in %d ms, checksum %s%n", name, report.get("events").asLong(),
                    report.get("millis").asLong(), report.get("unchanged").asBoolean() ? "unchanged" : "CHANGED");
            assertThat(report.get("checksumAfter").asText())
                    .as("%s after catching up with the crashes, against a full rebuild: rows before %s, after %s",
                            name, report.get("rowsBefore"), report.get("rowsAfter"))
                    .isEqualTo(report.get("checksumBefore").asText());
        }
        return views;
    }

    private static boolean caughtUp(JsonNode status) {
        for (JsonNode projection : status) {
            if (projection.get("lag").asLong() != 0 || !projection.get("running").asBoolean()) {
                return false;
            }
        }
        return status.size() > 0;
    }

    private static Map<String, JsonNode> placementViews(Api api, CommandLog log) {
        Map<String, JsonNode> views = new HashMap<>();
        log.with(Outcome.ACKNOWLEDGED).stream().filter(c -> c.kind() == CommandLog.Kind.REFER)
                .forEach(c -> views.put(c.aggregateId(), api.get("caseworker", "/api/placements/" + c.aggregateId())
                        .json()));
        return views;
    }

    /** The read models' figures against the fold of the stored events. */
    private static List<String> readModelsAgree(Map<String, JsonNode> provisionViews,
                                                Map<String, JsonNode> placementViews, Map<String, Set<String>> held,
                                                Map<String, EventStoreAudit.PlacementFold> placements,
                                                Map<String, Integer> versions) {
        List<String> problems = new ArrayList<>();
        provisionViews.forEach((id, view) -> {
            int taken = view.get("onRoll").asInt() + view.get("offersOutstanding").asInt();
            if (taken != held.get(id).size() || view.get("version").asInt() != versions.get(id)) {
                problems.add("read model of " + id + " shows " + taken + " places taken at version "
                        + view.get("version") + "; the events hold " + held.get(id).size() + " at version "
                        + versions.get(id));
            }
        });
        placementViews.forEach((id, view) -> {
            EventStoreAudit.PlacementFold fold = placements.get(id);
            if (fold == null || !fold.status().equals(view.path("status").asText())
                    || view.path("version").asInt() != versions.get(id)) {
                problems.add("read model of placement " + id + " shows " + view.path("status") + " at version "
                        + view.path("version") + "; the events say " + fold + " at version " + versions.get(id));
            }
        });
        return problems;
    }
}
