package uk.placements.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Reads one aggregate's events straight from the event store table, not from a projection: what auditors see is
 * what is stored.
 */
@Component
public class EventStoreReader {

    private final JdbcTemplate jdbc;

    public EventStoreReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate's events in sequence order; {@code type} is the aggregate type Axon recorded. */
    public List<StoredEvent> events(String aggregateId, String type) {
        return jdbc.query("""
                        SELECT aggregateIdentifier, sequenceNumber, eventIdentifier, payloadType, payloadRevision,
                            timeStamp, metaData, payload
                        FROM DomainEventEntry WHERE aggregateIdentifier = ? AND type = ? ORDER BY sequenceNumber""",
                (rs, i) -> new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Instant.parse(rs.getString(6)), rs.getBytes(7), rs.getBytes(8)),
                aggregateId, type);
    }
}
