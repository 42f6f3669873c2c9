package uk.placements.command.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.Executors;

import static uk.placements.shared.common.CommandMetadata.CORRELATION_ID;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/**
 * Axon's wiring for every mode: Jackson for every serializer with a mapper of Axon's own (no default typing,
 * dates as ISO strings), the user and correlation id copied onto every event, and a gateway that retries a
 * command that lost a race on an event stream.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** A mapper for stored messages only; the HTTP API's mapper can change without touching the event store. */
    static ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(axonObjectMapper()).build();
    }

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
        IntervalRetryScheduler retry = IntervalRetryScheduler.builder()
                .retryExecutor(Executors.newScheduledThreadPool(1, new AxonThreadFactory("command-retry")))
                .retryInterval(20)
                .maxRetryCount(5)
                .nonTransientFailurePredicate(failure -> !isLostRace(failure))
                .build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retry).build();
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
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }
}
