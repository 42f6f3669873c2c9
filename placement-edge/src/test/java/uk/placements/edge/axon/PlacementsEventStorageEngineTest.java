package uk.placements.edge.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's storage engine reads the same events as Axon's own, with the same tracking tokens (gaps kept for
 * recent events, dropped for old ones) and the same timestamps, on the real event table (the product's migration, on
 * H2), whose global indexes have holes where transactions rolled back or have not yet committed.
 */
class PlacementsEventStorageEngineTest {

    private DriverManagerDataSource data;
    private EventStorageEngine axons;
    private EventStorageEngine ours;

    @BeforeEach
    void eventTable() throws Exception {
        data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(data);
        jdbc.execute(new String(getClass().getResourceAsStream("/db/eventstore/h2/V1__event_store.sql")
                .readAllBytes(), StandardCharsets.UTF_8));
        Instant now = Instant.now();
        // old events with holes between them, then recent ones with holes: an old event's token keeps no gaps
        long[] indexes = {1, 2, 5, 6, 9, 10, 11, 14, 20, 21};
        for (int i = 0; i < indexes.length; i++) {
            Instant at = i < 4 ? now.minus(3, ChronoUnit.HOURS).plusMillis(i) : now.minusSeconds(5).plusMillis(i);
            jdbc.update("INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,"
                            + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
                            + " VALUES (?, ?, ?, 'Placement', ?, ?, ?, NULL, 'java.lang.String', ?)",
                    indexes[i], "placement-" + (i % 3), i / 3, UUID.randomUUID().toString(),
                    "{}".getBytes(StandardCharsets.UTF_8), "\"event\"".getBytes(StandardCharsets.UTF_8),
                    DateTimeUtils.formatInstant(at));
        }
        ConnectionProvider connections = data::getConnection;
        axons = JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer()).schema(new EventSchema()).batchSize(4)
                .build();
        ours = new PlacementsEventStorageEngine(JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer()).batchSize(4), new EventSchema());
    }

    @Test
    void theEventStreamHasAxonsTokensAndTimestampsFromTheStartAndFromAnyToken() {
        List<? extends TrackedEventMessage<?>> expected = axons.readEvents(null, false).toList();
        List<? extends TrackedEventMessage<?>> actual = ours.readEvents(null, false).toList();

        assertThat(expected).hasSize(10);
        assertSame(actual, expected);
        assertThat(actual.get(3).trackingToken().toString()).as("an old event keeps no gaps").doesNotContain("3, 4");
        assertThat(actual.get(9).trackingToken().toString()).as("a recent event keeps the gaps before it")
                .contains("15");
        for (int from = 0; from < expected.size(); from++) {
            TrackingToken token = expected.get(from).trackingToken();
            assertSame(ours.readEvents(token, false).toList(), axons.readEvents(token, false).toList());
        }
    }

    @Test
    void anAggregatesEventsHaveAxonsTimestamps() {
        for (int p = 0; p < 3; p++) {
            List<? extends DomainEventMessage<?>> expected = axons.readEvents("placement-" + p).asStream().toList();
            List<? extends DomainEventMessage<?>> actual = ours.readEvents("placement-" + p).asStream().toList();
            assertThat(actual).hasSameSizeAs(expected).isNotEmpty();
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i).getIdentifier()).isEqualTo(expected.get(i).getIdentifier());
                assertThat(actual.get(i).getSequenceNumber()).isEqualTo(expected.get(i).getSequenceNumber());
                assertThat(actual.get(i).getTimestamp()).isEqualTo(expected.get(i).getTimestamp());
            }
        }
    }

    private static void assertSame(List<? extends TrackedEventMessage<?>> actual,
                                   List<? extends TrackedEventMessage<?>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).trackingToken()).as("token %d", i).isEqualTo(expected.get(i).trackingToken());
            assertThat(actual.get(i).getIdentifier()).isEqualTo(expected.get(i).getIdentifier());
            assertThat(actual.get(i).getTimestamp()).isEqualTo(expected.get(i).getTimestamp());
            assertThat(actual.get(i).getPayload()).isEqualTo(expected.get(i).getPayload());
        }
    }
}
