package uk.placements.command.axon;

import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.Executors;

import static uk.placements.shared.common.CommandMetadata.CORRELATION_ID;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/**
 * The command side's Axon wiring: the user and correlation id copied onto every event, a gateway that retries a
 * command that lost a race on an event stream, and duplicate keys recognised on every database. (Serializers are
 * shared with the read side: see {@code uk.placements.edge.axon.AxonSerialization}.)
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Auditors need the user behind every event: Axon copies these keys from each command onto its events. */
    @Bean
    public CorrelationDataProvider userAndCorrelationId() {
        return new SimpleCorrelationDataProvider(USER_ID, CORRELATION_ID);
    }

    /**
     * Retries only a lost race: two units of work appending to one aggregate's stream (across instances) or a
     * database lock conflict. A rule refusal is final and is never retried.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        IntervalRetryScheduler retry = new LostRaceRetryScheduler(IntervalRetryScheduler.builder()
                .retryExecutor(Executors.newScheduledThreadPool(1, new AxonThreadFactory("command-retry")))
                .retryInterval(20)
                .maxRetryCount(5));
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retry).build();
    }

    /**
     * Judges the failure as a whole. Axon's own check asks its predicate of the failure and of each cause in turn and
     * gives up if any answers "not transient", so a lost race across services (a ConcurrencyException caused by the
     * duplicate-key SQLException) was never retried: the SQLException on its own is no lost race.
     */
    static final class LostRaceRetryScheduler extends IntervalRetryScheduler {
        LostRaceRetryScheduler(IntervalRetryScheduler.Builder builder) {
            super(builder);
        }

        @Override
        protected boolean isExplicitlyNonTransient(Throwable failure) {
            return !isLostRace(failure);
        }
    }

    /**
     * Tells Axon which storage failures are duplicate keys, i.e. another unit of work appended the same aggregate
     * sequence first. Axon's default looks only for SQLIntegrityConstraintViolationException in the cause chain,
     * which misses batch failures (their cause hangs off getNextException) and PostgreSQL's driver; SQLSTATE 23505
     * is the standard unique-violation code on both H2 and PostgreSQL.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return AxonConfiguration::isDuplicateKey;
    }

    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Throwable s = t; s instanceof SQLException sql; s = sql.getNextException()) {
                if (s instanceof SQLIntegrityConstraintViolationException || "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isLostRace(Throwable failure) {
        if (Refusal.isLostRace(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof TransientDataAccessException
                    || isTakenSequenceNumber(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Axon Server refusing an appended event because its sequence number is taken ({@code AXONIQ-2000}: another
     * unit of work appended to the aggregate first, or, at 0, the aggregate exists). When the unit of work commits
     * the append, the connector throws it as gRPC's own exception ("OUT_OF_RANGE: [AXONIQ-2000] Invalid sequence
     * number 0 for aggregate ..., expected 2": seen against Axon Server SE 4.6.11), not as Axon's
     * ConcurrencyException.
     */
    static boolean takenSequenceNumberIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isTakenSequenceNumber(t)) {
                return true;
            }
        }
        return false;
    }

    static boolean isTakenSequenceNumber(Throwable t) {
        String code = "[" + ErrorCode.INVALID_EVENT_SEQUENCE.errorCode() + "]";
        if (t instanceof StatusRuntimeException grpc) {
            String description = grpc.getStatus().getDescription();
            return description != null && description.startsWith(code);
        }
        return t instanceof AxonServerException axon
                && ErrorCode.INVALID_EVENT_SEQUENCE.errorCode().equals(axon.code());
    }
}
