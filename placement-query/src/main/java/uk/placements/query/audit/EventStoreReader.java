package uk.placements.query.audit;

import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.List;

/**
 * Reads one aggregate's events straight from the event store table, not from a projection: what auditors see is
 * what is stored.
 * <p>
 * With Axon Server as the event store (the axonserver profile) there is no such table, and the audit trail answers
 * 501 instead of a wrong or empty history. Reading through Axon's {@code EventStore.readEvents} is not a substitute:
 * it hands out events already upcast (type and revision as today's code knows them, not as stored), and Axon Server
 * keeps timestamps in milliseconds and metadata as typed values, so the hash chain could not be recomputed from the
 * stored bytes as {@link AuditTrail#verify} does. An auditor's reader for Axon Server needs its event channel's raw
 * events and a hash defined on what Axon Server stores.
 */
@Component
public class EventStoreReader {

    private final JdbcTemplate jdbc;
    private final boolean inAxonServer;

    public EventStoreReader(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.inAxonServer = eventStore instanceof AxonServerEventStore;
    }

    /** The aggregate's events in sequence order; {@code type} is the aggregate type Axon recorded. */
    public List<StoredEvent> events(String aggregateId, String type) {
        if (inAxonServer) {
            throw new NotInAxonServer();
        }
        return jdbc.query("""
                        SELECT aggregateIdentifier, sequenceNumber, eventIdentifier, payloadType, payloadRevision,
                            timeStamp, metaData, payload
                        FROM DomainEventEntry WHERE aggregateIdentifier = ? AND type = ? ORDER BY sequenceNumber""",
                (rs, i) -> new StoredEvent(rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"),
                        rs.getString("eventIdentifier"), rs.getString("payloadType"), rs.getString("payloadRevision"),
                        Instant.parse(rs.getString("timeStamp")), rs.getBytes("metaData"), rs.getBytes("payload")),
                aggregateId, type);
    }

    /** 501: the audit trail of stored events is not built for Axon Server's event store. */
    static class NotInAxonServer extends ErrorResponseException {
        NotInAxonServer() {
            super(HttpStatus.NOT_IMPLEMENTED, problem(), null);
        }

        private static ProblemDetail problem() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_IMPLEMENTED,
                    "the events, state-on-a-date and verify views read the event store's table, and this deployment"
                            + " keeps its events in Axon Server; the access log and every other read still work");
            problem.setTitle("Audit trail not available with Axon Server");
            return problem;
        }
    }
}
