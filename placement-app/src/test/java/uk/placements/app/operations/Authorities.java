package uk.placements.app.operations;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import uk.placements.app.demo.AuthorityGenerator;
import uk.placements.app.demo.AuthorityPlan;
import uk.placements.query.operations.ProjectionOperations;

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
