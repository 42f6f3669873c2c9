package uk.placements.app.operations;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.placements.app.PlacementsApplication;
import uk.placements.query.operations.ProjectionOperations;
import uk.placements.query.operations.ReadModels;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuild speed on the embedded H2 (in memory), with a generated authority of a realistic size. Not part of the
 * normal test run (its name does not end in Test): speed is proven in a benchmark, not a timed test. Run it with
 * {@code mvn -o -pl placement-app -am test -Dtest=ProjectionRebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and optionally {@code -Dbenchmark.placements=6000 -Dbenchmark.provisions=120 -Dbenchmark.rounds=2}.
 */
@SpringBootTest(classes = PlacementsApplication.class, properties = {
        "spring.datasource.url=${benchmark.url:jdbc:h2:mem:rebuild-benchmark;DB_CLOSE_DELAY=-1}",
        "placements.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class ProjectionRebuildBenchmark {

    @Autowired
    private CommandGateway gateway;
    @Autowired
    private Clock clock;
    @Autowired
    private ProjectionOperations operations;
    @Autowired
    private ReadModels readModels;

    @Test
    void rebuildEveryProjection() throws InterruptedException {
        int placements = Integer.getInteger("benchmark.placements", 6000);
        int provisions = Integer.getInteger("benchmark.provisions", 120);
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        long started = System.nanoTime();
        int commands = Authorities.load(gateway, LocalDate.now(clock), 42, provisions, placements);
        Authorities.awaitCaughtUp(operations, Duration.ofMinutes(10));
        System.out.printf("BENCHMARK loaded %d commands, %d events, in %d ms%n", commands,
                operations.status().get(0).head(), (System.nanoTime() - started) / 1_000_000);
        for (int round = 1; round <= rounds; round++) {
            for (var model : readModels.all()) {
                ProjectionOperations.RebuildReport report = operations.rebuild(model.name());
                System.out.printf("BENCHMARK round %d %-18s %6d events %6d ms %7d events/s %6d ms CPU %5d us CPU/event"
                                + " unchanged=%s rows=%s%n", round, model.name(), report.events(), report.millis(),
                        report.eventsPerSecond(), report.cpuMillis(), report.cpuMillis() * 1000 / report.events(),
                        report.unchanged(), report.rowsAfter());
                assertThat(report.unchanged()).as(model.name()).isTrue();
            }
        }
    }
}
