package uk.placements.app.scale;

import com.fasterxml.jackson.databind.JsonNode;
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
import uk.placements.command.http.Api;
import uk.placements.query.operations.ReadModelChecksum;
import uk.placements.query.operations.ReadModels;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild asked of one of two query instances on one PostgreSQL stops the projection's processor on both, resets
 * it while neither processes it, and starts it on both again; an instance that does not let go in time turns the
 * rebuild into a 503 that resets nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildAcrossInstancesOnPostgresTest {

    private static final String CASELOAD = "caseload";
    private static ScaledOut services;
    private static ConfigurableApplicationContext command;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Workload workload;

    @BeforeAll
    static void oneCommandAndTwoQueryServicesWithAWorkload() throws Exception {
        services = new ScaledOut("rebuild_instances", "--placements.operations.stop-timeout=PT4S");
        command = services.command();
        first = services.query(ReplayWitness.class);
        second = services.query(ReplayWitness.class);
        workload = Workload.run(ScaledOut.api(command), "REBUILD", 3, 60, 2);
        ScaledOut.awaitCaughtUp(ScaledOut.api(first), Duration.ofSeconds(30));
        awaitSplit();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    @Order(1)
    void aRebuildOnOneInstanceStopsResetsAndRestartsTheProcessorOnBoth() throws Exception {
        String checksum = checksum();
        ProcessorWatch watch = new ProcessorWatch();
        watch.start();
        long asked = System.nanoTime();

        Api.Answer answer = ScaledOut.api(first).post("admin", "/api/admin/projections/" + CASELOAD + "/rebuild", "");

        watch.finish();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("checksumBefore").asText()).isEqualTo(checksum);
        assertThat(report.get("checksumAfter").asText()).isEqualTo(checksum);
        assertThat(checksum()).isEqualTo(checksum);
        assertThat(watch.bothStopped.get()).as("both instances' processors were stopped at once").isTrue();
        ScaledOut.awaitTrue("both processors run again", Duration.ofSeconds(5),
                () -> processor(first).isRunning() && processor(second).isRunning());
        awaitSplit();

        List<ReplayWitness.Reset> resets = ReplayWitness.resets();
        assertThat(resets).hasSize(1);
        ReplayWitness.Reset reset = resets.get(0);
        assertThat(reset.instance()).isEqualTo(ScaledOut.instanceId(first));
        assertThat(ReplayWitness.staleAfter(reset)).as("events handled as live after the reset").isEmpty();
        // The instance asked replays the event store straight into the handlers (DirectReplay: it folds the whole
        // history first, then resets and writes) while every instance's processor is stopped; then both start
        // again and share the segments (awaitSplit above).
        List<ReplayWitness.Handled> replayed = ReplayWitness.handled().stream()
                .filter(h -> h.replay() && h.atNanos() > asked && h.atNanos() < reset.atNanos()).toList();
        assertThat(replayed).extracting(ReplayWitness.Handled::instance).as("replayed by the instance asked")
                .containsOnly(ScaledOut.instanceId(first));
        Long stored = ScaledOut.jdbc(first).queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex <= ?", Long.class, reset.head());
        assertThat(replayed.stream().filter(h -> h.index() <= reset.head()).map(ReplayWitness.Handled::index)
                .distinct().count()).as("every stored event replayed").isEqualTo(stored);
        assertThat(replayed).as("each once").hasSize((int) replayed.stream().map(ReplayWitness.Handled::index)
                .distinct().count());
    }

    @Test
    @Order(2)
    void aRebuildWhileCommandsArriveEndsWithTheReadModelAQuietRebuildGives() throws Exception {
        Api writes = ScaledOut.api(command);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger referred = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (writing.get()) {
                writes.refer(Api.newUpn());
                referred.incrementAndGet();
            }
        }, "writer");
        writer.start();

        Api.Answer answer = ScaledOut.api(second).post("admin", "/api/admin/projections/" + CASELOAD + "/rebuild", "");

        writing.set(false);
        writer.join();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(referred.get()).as("commands arrived during the rebuild").isPositive();
        ScaledOut.awaitCaughtUp(ScaledOut.api(first), Duration.ofSeconds(30));
        JdbcTemplate jdbc = ScaledOut.jdbc(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement", Long.class))
                .isEqualTo(workload.placementVersions.size() + referred.get());

        Api.Answer quiet = ScaledOut.api(first).post("admin", "/api/admin/projections/" + CASELOAD + "/rebuild", "");

        assertThat(quiet.status()).as(quiet.body()).isEqualTo(200);
        assertThat(quiet.json().get("checksumAfter").asText()).as("a quiet rebuild changes nothing")
                .isEqualTo(quiet.json().get("checksumBefore").asText());
    }

    @Test
    @Order(3)
    void anInstanceThatDoesNotLetGoTurnsTheRebuildIntoA503AndNothingIsReset() throws Exception {
        awaitSplit();
        String checksum = checksum();
        int resets = ReplayWitness.resets().size();
        JdbcTemplate jdbc = ScaledOut.jdbc(first);
        // An instance that never hears the stop (say, an older version): it renews a claim on segment 0 as its own.
        AtomicBoolean holding = new AtomicBoolean(true);
        Thread stubborn = new Thread(() -> {
            while (holding.get()) {
                jdbc.update("UPDATE TokenEntry SET owner = 'stubborn', timeStamp = ? WHERE processorName = ? "
                        + "AND segment = 0", Instant.now().toString(), CASELOAD);
                pause(200);
            }
        }, "stubborn");
        stubborn.start();
        try {
            long asked = System.nanoTime();
            Api.Answer answer = ScaledOut.api(first).post("admin", "/api/admin/projections/" + CASELOAD + "/rebuild",
                    "");
            long seconds = (System.nanoTime() - asked) / 1_000_000_000;

            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isNotNull();
            assertThat(answer.json().get("detail").asText()).contains("stubborn");
            assertThat(seconds).as("the stop timeout, not a hang").isLessThan(15);
        } finally {
            holding.set(false);
            stubborn.join();
        }
        jdbc.update("UPDATE TokenEntry SET owner = NULL WHERE owner = 'stubborn'");
        assertThat(ReplayWitness.resets()).hasSize(resets);
        ScaledOut.awaitTrue("both processors run again", Duration.ofSeconds(5),
                () -> processor(first).isRunning() && processor(second).isRunning());
        awaitSplit();
        assertThat(checksum()).isEqualTo(checksum);
    }

    private static String checksum() {
        return first.getBean(ReadModelChecksum.class)
                .of(first.getBean(ReadModels.class).find(CASELOAD).orElseThrow()).sha256();
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext query) {
        return query.getBean(EventProcessingConfiguration.class)
                .eventProcessor(CASELOAD, StreamingEventProcessor.class).orElseThrow();
    }

    private static void awaitSplit() {
        JdbcTemplate jdbc = ScaledOut.jdbc(first);
        Set<String> both = Set.of(ScaledOut.instanceId(first), ScaledOut.instanceId(second));
        ScaledOut.awaitTrue("each instance owns two caseload segments", Duration.ofSeconds(20), () -> {
            var owners = ScaledOut.owners(jdbc, CASELOAD).values();
            return owners.size() == 4 && both.stream().allMatch(i -> owners.stream().filter(i::equals).count() == 2);
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Watches both instances' caseload processors while a rebuild runs. */
    private static final class ProcessorWatch extends Thread {
        final AtomicBoolean bothStopped = new AtomicBoolean();
        private final AtomicBoolean watching = new AtomicBoolean(true);

        ProcessorWatch() {
            super("processor-watch");
        }

        @Override
        public void run() {
            while (watching.get()) {
                if (!processor(first).isRunning() && !processor(second).isRunning()) {
                    bothStopped.set(true);
                }
                pause(2);
            }
        }

        void finish() throws InterruptedException {
            watching.set(false);
            join();
        }
    }
}
