package uk.placements.bench;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        CommandGateway gateway = product.gateway();
        TransactionTemplate transactions = product.transactions();
        int next = from;
        while (next < commands.size() && product.events() < events) {
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

    static Object send(CommandGateway gateway, Object command, String user) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                USER_ID, user, CORRELATION_ID, UUID.randomUUID().toString()))));
    }
}
