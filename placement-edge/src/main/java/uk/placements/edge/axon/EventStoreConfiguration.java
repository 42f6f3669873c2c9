package uk.placements.edge.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The event store in the database (every mode but {@code axonserver}): Axon's JDBC storage engine as its Spring
 * Boot auto-configuration builds it, with one statement replaced, the one the processors' event stream polls with
 * while its tracking token has gaps (global indexes it has not seen, of transactions not yet committed or rolled
 * back; under concurrent commands there nearly always are some).
 * <p>
 * Axon asks {@code WHERE (globalIndex > ? AND globalIndex <= ?) OR globalIndex IN (gaps)}. H2 cannot use the
 * index for that disjunction and reads the whole event table on every poll: the benchmark's profile under 16
 * concurrent clients had the event stream's thread scanning {@code DomainEventEntry} for as much CPU as all the
 * projections together, growing with the store. The same question as two index range reads joined by
 * {@code UNION ALL} (the ranges cannot overlap: every gap lies at or below the token's index) reads only the rows
 * asked for, on H2 and on PostgreSQL alike. Each stored timestamp is read once and fast
 * ({@link PlacementsEventStorageEngine}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class EventStoreConfiguration {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager) {
        return new PlacementsEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .readEventDataWithGaps(EventStoreConfiguration::readEventDataWithGaps),
                new EventSchema()); // Axon's default names, which the Flyway migrations create
    }

    /** The events after {@code globalIndex} (at most {@code batchSize} indexes on) and those of the gaps. */
    static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                   int batchSize, List<Long> gaps) throws SQLException {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String index = schema.globalIndexColumn();
        String sql = select + index + " > ? AND " + index + " <= ?"
                + " UNION ALL " + select + index + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?"))
                + ") ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }
}
