package uk.placements.shared.common;

/** Metadata keys that travel with commands; the first two are copied onto every event they cause. */
public final class CommandMetadata {

    /** The authenticated user who issued the command. */
    public static final String USER_ID = "userId";
    /** Ties the events of one request together (from the {@code X-Correlation-Id} header, or generated). */
    public static final String CORRELATION_ID = "correlationId";
    /** The version the client last saw ({@code If-Match}); a command against a newer aggregate is refused. */
    public static final String EXPECTED_VERSION = "expectedVersion";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String REQUEST_HASH = "requestHash";
    public static final String AGGREGATE_ID = "aggregateId";
    /** Set on a command that creates its aggregate: if its event stream is taken, the id exists. */
    public static final String CREATES = "createsAggregate";

    private CommandMetadata() {
    }
}
