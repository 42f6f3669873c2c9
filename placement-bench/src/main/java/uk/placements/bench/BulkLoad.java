package uk.placements.bench;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.transaction.support.TransactionTemplate;
import uk.placements.command.placement.domain.RuleViolation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntToLongFunction;

import static uk.placements.shared.common.CommandMetadata.CORRELATION_ID;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/**
 * Fills the event store fast with the events the aggregates really produce: the generator's commands go through
 * the product's command gateway, every rule checks them, the hash chain and the pupil vault run as always, but a
 * few hundred commands share one database transaction (Axon's unit of work joins the Spring transaction that is
 * already open). Only the commit count changes, never what is stored.
 */
final class BulkLoad {

    static final String USER = "bench-loader";
    private static final int COMMANDS_PER_TRANSACTION = 400;

    private BulkLoad() {
    }

    /** Sends commands from {@code from} until the store holds {@code events} events; returns the next index. */
    static int until(Product product, List<Object> commands, int from, long events) {
        return until(product, commands, from, events, loaded -> 0);
    }

    /**
     * Sends commands from {@code from} until the store holds {@code events} events once {@code toFollow} more have
     * been added (the money that belongs to the first {@code loaded} commands, sent after them); returns the next
     * index.
     */
    static int until(Product product, List<Object> commands, int from, long events, IntToLongFunction toFollow) {
        CommandGateway gateway = product.gateway();
        TransactionTemplate transactions = product.transactions();
        int next = from;
        while (next < commands.size() && product.events() + toFollow.applyAsLong(next) < events) {
            int start = next;
            int end = Math.min(commands.size(), start + COMMANDS_PER_TRANSACTION);
            transactions.executeWithoutResult(status -> {
                for (int i = start; i < end; i++) {
                    send(gateway, commands.get(i), USER);
                }
            });
            next = end;
            if (next / COMMANDS_PER_TRANSACTION % 25 == 0) {
                System.out.printf("BENCH loading: %,d commands sent%n", next);
            }
        }
        return next;
    }

    /** What {@link #all} sent: commands recorded, refused by a rule (with the first refusal's rule), and failed. */
    record Sent(int sent, int refused, String firstRefusal) {
    }

    /**
     * Sends every command in order, a few hundred per transaction like {@link #until}. A batch with a refused
     * command is rolled back whole and sent again one command per transaction, so a refusal costs only itself;
     * sending again is safe because every command of a rolled-back batch is sent again in order, and a funding
     * command that finds its value already recorded records nothing.
     */
    static Sent all(Product product, List<Object> commands) {
        CommandGateway gateway = product.gateway();
        TransactionTemplate transactions = product.transactions();
        int refused = 0;
        String firstRefusal = "";
        for (int start = 0; start < commands.size(); start += COMMANDS_PER_TRANSACTION) {
            List<Object> batch = commands.subList(start, Math.min(commands.size(), start + COMMANDS_PER_TRANSACTION));
            try {
                transactions.executeWithoutResult(status -> batch.forEach(command -> send(gateway, command, USER)));
            } catch (RuleViolation batchRefused) {
                for (Object command : batch) {
                    try {
                        send(gateway, command, USER);
                    } catch (RuleViolation refusal) {
                        if (refused++ == 0) {
                            firstRefusal = command.getClass().getSimpleName() + ": " + refusal.rule();
                        }
                    }
                }
            }
        }
        return new Sent(commands.size() - refused, refused, firstRefusal);
    }

    static Object send(CommandGateway gateway, Object command, String user) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                USER_ID, user, CORRELATION_ID, UUID.randomUUID().toString()))));
    }
}
