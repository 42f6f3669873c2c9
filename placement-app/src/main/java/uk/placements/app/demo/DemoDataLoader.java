package uk.placements.app.demo;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static uk.placements.shared.common.CommandMetadata.CORRELATION_ID;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/**
 * The {@code demo} profile: on first start, loads a generated authority through the same commands caseworkers,
 * provision admins and finance send (the casework, then its tariff, top-up bands and place-change returns, then the
 * facts of its inclusion bases, {@link DemoBases}), so every
 * rule checks it. Each command's events are stamped with its business date ({@link RecordedOnBusinessDates}), as if
 * the history had been recorded as it happened. An event store that already holds events is left alone. A
 * refused command stops the start: it means the generator is wrong, and a half-believable demo would hide that.
 * Logs counts only; the generated pupils are fictional, but personal data is never logged.
 */
@Component
@Profile("demo")
public class DemoDataLoader implements ApplicationRunner {

    static final String USER = "demo-loader";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    /** CPU time next to wall time: on a busy machine the wall time alone says little about the load itself. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long seed;
    private final int provisions;
    private final int placements;

    public DemoDataLoader(CommandGateway gateway, JdbcTemplate jdbc, Clock clock,
                          @Value("${placements.demo-data.seed:20250901}") long seed,
                          @Value("${placements.demo-data.provisions:36}") int provisions,
                          @Value("${placements.demo-data.placements:600}") int placements) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.clock = clock;
        this.seed = seed;
        this.provisions = provisions;
        this.placements = placements;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        if (events != null && events > 0) {
            log.info("Demo data not loaded: the event store already holds {} events", events);
            return;
        }
        long started = System.nanoTime();
        long cpuStarted = CPU.getCurrentThreadCpuTime();
        AuthorityPlan plan = new AuthorityGenerator(seed, LocalDate.now(clock)).generate(provisions, placements);
        int sent = 0;
        try (RecordedOnBusinessDates recording = RecordedOnBusinessDates.install()) {
            for (Object command : plan.commands()) {
                recording.recordAt(command, sent);
                send(command, sent);
                sent++;
            }
            for (Object command : plan.fundingCommands()) {
                recording.recordAt(command, sent);
                send(command, sent);
                sent++;
            }
            for (Object command : DemoBases.commands(plan.commands(), seed, LocalDate.now(clock))) {
                recording.recordAt(command, sent);
                send(command, sent);
                sent++;
            }
        }
        log.info("Demo data loaded: {} commands in {} ms ({} ms CPU on the loading thread); {} provisions ({} closed), {} placements by status {}, "
                        + "{} over-capacity offers, {} need overrides, {} offers declined, {} offers withdrawn, "
                        + "{} time-split changes; {} placements with a top-up band ({} band changes), {} place-change "
                        + "returns",
                sent, (System.nanoTime() - started) / 1_000_000,
                (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000, plan.provisions(), plan.provisionsClosed(),
                plan.placements(), plan.placementsByStatus(), plan.overCapacityOffers(), plan.needOverrides(),
                plan.offersDeclined(), plan.offersWithdrawn(), plan.timeSplitChanges(), plan.fundedPlacements(),
                plan.bandChanges(), plan.placeChangeReturns());
    }

    private void send(Object command, int index) {
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                    USER_ID, USER, CORRELATION_ID, UUID.randomUUID().toString()))));
        } catch (RuntimeException refused) {
            // The command's own toString could carry a note; its type and position are enough to reproduce it.
            throw new IllegalStateException("demo data: command " + index + " (" + command.getClass().getSimpleName()
                    + ") was refused, so the generator is wrong: " + refused.getMessage(), refused);
        }
    }
}
