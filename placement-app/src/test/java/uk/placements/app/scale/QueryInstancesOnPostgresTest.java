package uk.placements.app.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.web.context.WebServerApplicationContext;
import uk.placements.app.dashboard.CapacityStream;
import uk.placements.command.http.Api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One command service and two query services on one PostgreSQL: the query instances split every read model's
 * segments, every event reaches the read models exactly once in effect, and when one instance dies without letting
 * go of its segments the other takes them over within seconds and misses nothing, even segments Axon's coordinator
 * was holding back from claiming.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryInstancesOnPostgresTest {

    private static ScaledOut services;
    private static ConfigurableApplicationContext command;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Workload workload;

    @BeforeAll
    static void oneCommandAndTwoQueryServicesWithAWorkload() throws Exception {
        services = new ScaledOut("query_instances");
        command = services.command();
        first = services.query();
        second = services.query();
        workload = Workload.run(ScaledOut.api(command), "SPLIT", 6, 150, 3);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    @Order(1)
    void theTwoQueryInstancesEachOwnHalfTheSegmentsOfEveryReadModel() {
        JdbcTemplate jdbc = ScaledOut.jdbc(first);
        Set<String> both = Set.of(ScaledOut.instanceId(first), ScaledOut.instanceId(second));

        ScaledOut.awaitTrue("each instance owns two segments of each read model", Duration.ofSeconds(20), () ->
                ScaledOut.READ_MODELS.stream().allMatch(group -> halves(ScaledOut.owners(jdbc, group), both)));

        for (String group : ScaledOut.READ_MODELS) {
            Map<Integer, String> owners = ScaledOut.owners(jdbc, group);
            assertThat(owners).as(group).hasSize(4);
            assertThat(Set.copyOf(owners.values())).as(group).isEqualTo(both);
        }
    }

    @Test
    @Order(2)
    void everyEventReachesTheReadModelsExactlyOnceInEffect() {
        Api reads = ScaledOut.api(first);
        ScaledOut.awaitCaughtUp(reads, Duration.ofSeconds(30));
        JdbcTemplate jdbc = ScaledOut.jdbc(first);

        assertThat(workload.commands()).isGreaterThan(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement", Long.class))
                .isEqualTo(workload.placementVersions.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement WHERE status = 'OFFERED'", Long.class))
                .isEqualTo(workload.offered.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_provision", Long.class))
                .isEqualTo(workload.provisions.size());
        Map<String, Long> projected = new HashMap<>();
        jdbc.query("SELECT placement_id, version FROM rm_placement", rs -> {
            projected.put(rs.getString(1), rs.getLong(2));
        });
        assertThat(projected).isEqualTo(workload.placementVersions);

        for (String group : ScaledOut.READ_MODELS) {
            Api.Answer rebuilt = reads.post("admin", "/api/admin/projections/" + group + "/rebuild", "");
            assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
            JsonNode report = rebuilt.json();
            assertThat(report.get("checksumAfter").asText()).as(group + ": live read model equals a full rebuild")
                    .isEqualTo(report.get("checksumBefore").asText());
        }
    }

    @Test
    @Order(3)
    void everyQueryInstanceStreamsLiveCapacityToItsOwnSubscribers() throws Exception {
        Api writes = ScaledOut.api(command);
        String provision = writes.commission(Api.newProvisionId("LIVE"), "RESOURCE_BASE", 4);
        String placement = writes.refer(Api.newUpn());
        ScaledOut.awaitCaughtUp(ScaledOut.api(first), Duration.ofSeconds(30));
        try (CapacityStream onFirst = CapacityStream.open(port(first), "analyst");
             CapacityStream onSecond = CapacityStream.open(port(second), "analyst")) {
            onFirst.await("snapshot", provision, "\"offersOutstanding\":0");
            onSecond.await("snapshot", provision, "\"offersOutstanding\":0");

            Api.Answer offered = writes.offer(placement, provision);
            assertThat(offered.status()).isEqualTo(200);
            workload.placementVersions.put(placement, offered.json().get("version").asLong());

            onFirst.await("capacity", provision, "\"offersOutstanding\":1");
            onSecond.await("capacity", provision, "\"offersOutstanding\":1");
        }
    }

    @Test
    @Order(4)
    void whenAQueryInstanceDiesTheOtherTakesOverItsSegmentsWithinSecondsAndMissesNothing() {
        JdbcTemplate jdbc = ScaledOut.jdbc(first);
        String survivor = ScaledOut.instanceId(first);
        ScaledOut.awaitTrue("both instances own segments again after the rebuilds", Duration.ofSeconds(20), () ->
                ScaledOut.READ_MODELS.stream().allMatch(group ->
                        halves(ScaledOut.owners(jdbc, group), Set.of(survivor, ScaledOut.instanceId(second)))));

        // As a survivor whose own work on a segment failed before, when Axon's coordinator then skips that segment for
        // a while (doubling, up to a minute): here the survivor skips every caseload segment of the other for a minute.
        String dying = ScaledOut.instanceId(second);
        StreamingEventProcessor caseload = first.getBean(EventProcessingConfiguration.class)
                .eventProcessorByProcessingGroup("caseload", StreamingEventProcessor.class).orElseThrow();
        ScaledOut.owners(jdbc, "caseload").forEach((segment, owner) -> {
            if (dying.equals(owner)) {
                caseload.releaseSegment(segment, 60, TimeUnit.SECONDS);
            }
        });

        // As a crash: the instance loses the database at once, its claims stay in TokenEntry as it left them.
        long killed = System.nanoTime();
        second.getBean(HikariDataSource.class).close();
        Api writes = ScaledOut.api(command);
        Map<String, Long> sinceTheKill = new HashMap<>();
        refer(writes, 10, sinceTheKill);
        ScaledOut.awaitTrue(() -> "the survivor owns every segment; " + ScaledOut.claims(first),
                Duration.ofSeconds(30), () -> ScaledOut.READ_MODELS.stream().allMatch(group ->
                        Set.copyOf(ScaledOut.owners(jdbc, group).values()).equals(Set.of(survivor))));
        double failoverSeconds = (System.nanoTime() - killed) / 1e9;
        second.close();
        System.out.printf("Query instance failover: every segment taken over %.1f s after the crash%n",
                failoverSeconds);
        assertThat(failoverSeconds).as("claim timeout 5 s + claim interval 1 s").isLessThan(15);

        refer(writes, 10, sinceTheKill);
        Api reads = ScaledOut.api(first);
        for (Map.Entry<String, Long> placement : sinceTheKill.entrySet()) {
            ScaledOut.awaitTrue("placement visible through the survivor", Duration.ofSeconds(10), () -> {
                Api.Answer read = reads.get("caseworker", "/api/placements/" + placement.getKey() + "?minVersion="
                        + placement.getValue());
                return read.status() == 200 && read.header("X-Stale") == null;
            });
        }
        ScaledOut.awaitCaughtUp(reads, Duration.ofSeconds(30));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement", Long.class))
                .isEqualTo(workload.placementVersions.size() + sinceTheKill.size());
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void refer(Api writes, int pupils, Map<String, Long> versions) {
        for (int i = 0; i < pupils; i++) {
            JsonNode referred = writes.post("caseworker", "/api/placements",
                    Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "2026-09-01")).json();
            versions.put(referred.get("id").asText(), referred.get("version").asLong());
        }
    }

    private static boolean halves(Map<Integer, String> owners, Set<String> instances) {
        return owners.size() == 4 && instances.stream()
                .allMatch(i -> owners.values().stream().filter(i::equals).count() == 2);
    }
}
