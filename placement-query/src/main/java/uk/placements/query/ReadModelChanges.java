package uk.placements.query;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many units of work have changed each read model's rows ({@code read_model_change}): a counter per processing
 * group, moved in the same transaction as the rows, by each batch in which the group's processor handled an event
 * ({@link #counting}) and by each rebuild ({@link #moved}). Equal counters therefore mean equal rows.
 * <p>
 * A processor's token is not such a position: Axon also stores a token that has only passed over events the
 * processor does not handle, lazily, some time after its last batch (the claim extension threshold). A dashboard
 * kept under the tokens was computed again once after every burst of writes with no row changed. The counter moves
 * with the rows alone.
 */
public final class ReadModelChanges {

    private static final String KEPT = ReadModelChanges.class.getName() + ".moved#";

    private final JdbcTemplate jdbc;

    public ReadModelChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An interceptor for {@code processingGroup}'s processor: the first event a batch hands to the group's handlers
     * moves its counter on when the batch commits, once per batch, after the handlers' own rows (registered after
     * the first handler ran, so its writes at commit come first and the counter's row lock is held only for the
     * commit). A batch that rolls back moves nothing.
     */
    public MessageHandlerInterceptor<EventMessage<?>> counting(String processingGroup) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            UnitOfWork<?> batch = unitOfWork.root();
            batch.getOrComputeResource(KEPT + processingGroup, key -> {
                batch.onPrepareCommit(u -> moved(processingGroup));
                return Boolean.TRUE;
            });
            return result;
        };
    }

    /**
     * Resets {@code processor}'s tokens, so that it replays the group's read model from the start, and moves the
     * group's counter in the same transaction: the reset clears the rows.
     */
    public void reset(StreamingEventProcessor processor, String processingGroup, TransactionManager transactions) {
        transactions.executeInTransaction(() -> {
            processor.resetTokens();
            moved(processingGroup);
        });
    }

    /** Moves {@code processingGroup}'s counter on, in the caller's transaction. */
    public void moved(String processingGroup) {
        if (jdbc.update("UPDATE read_model_change SET changes = changes + 1 WHERE processing_group = ?",
                processingGroup) == 0) {
            jdbc.update("INSERT INTO read_model_change (processing_group, changes) VALUES (?, 1)", processingGroup);
        }
    }

    /** {@code processingGroup}'s counter, or -1 while nothing has moved it. */
    public long changes(String processingGroup) {
        java.util.List<Long> counter = jdbc.queryForList(
                "SELECT changes FROM read_model_change WHERE processing_group = ?", Long.class, processingGroup);
        return counter.isEmpty() ? -1 : counter.get(0);
    }
}
