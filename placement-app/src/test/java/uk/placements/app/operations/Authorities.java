package uk.placements.app.operations;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import uk.placements.app.demo.AuthorityGenerator;
import uk.placements.app.demo.AuthorityPlan;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.query.operations.ProjectionOperations;
import uk.placements.shared.common.BaseModel;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.command.RecordBaseLead;
import uk.placements.shared.provision.command.RecordBaseModel;
import uk.placements.shared.provision.command.RecordQualifiedTeacherAccess;

import java.math.BigDecimal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static uk.placements.shared.common.CommandMetadata.CORRELATION_ID;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/** Loads a generated authority through the command side, as the demo loader does, and waits for the read side. */
final class Authorities {

    private Authorities() {
    }

    /** Sends the plan's commands in order, the casework and then its money; returns how many. */
    static int load(CommandGateway gateway, LocalDate today, long seed, int provisions, int placements) {
        int sent = 0;
        AuthorityPlan plan = new AuthorityGenerator(seed, today).generate(provisions, placements);
        List<Object> commands = new ArrayList<>(plan.commands());
        commands.addAll(plan.fundingCommands());
        for (Object command : commands) {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                    USER_ID, "operations-test", CORRELATION_ID, UUID.randomUUID().toString()))));
            sent++;
        }
        return sent;
    }

    /**
     * The facts of an inclusion base (a model, a lead teacher and then a vacancy, two records of access to a qualified
     * teacher, one back-dated behind the other) for a few open provisions, which the generated authority has none of.
     */
    static void baseFacts(CommandGateway gateway, JdbcTemplate jdbc) {
        List<Map<String, Object>> open = jdbc.queryForList("SELECT provision_id, opened_on FROM rm_provision "
                + "WHERE status = 'OPEN' ORDER BY provision_id FETCH FIRST 3 ROWS ONLY");
        for (Map<String, Object> row : open) {
            ProvisionId id = new ProvisionId((String) row.get("provision_id"));
            LocalDate opened = ((java.sql.Date) row.get("opened_on")).toLocalDate();
            for (Object command : List.of(
                    new RecordBaseModel(id, BaseModel.SPECIALIST, opened),
                    new RecordBaseLead(id, "Lead Teacher " + id.value(), opened),
                    new RecordBaseLead(id, null, opened.plusDays(40)),
                    new RecordQualifiedTeacherAccess(id, new BigDecimal("22"), new BigDecimal("25"),
                            opened.plusDays(30)),
                    new RecordQualifiedTeacherAccess(id, new BigDecimal("25"), new BigDecimal("25"),
                            opened.plusDays(10)))) {
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(
                        Map.of(USER_ID, "operations-test", CORRELATION_ID, UUID.randomUUID().toString()))));
            }
        }
    }

    static void awaitCaughtUp(ProjectionOperations operations, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!operations.status().stream().allMatch(s -> s.lag() == 0 && !s.replaying())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("projections did not catch up: " + operations.status());
            }
            Thread.sleep(20);
        }
    }
}
