package uk.placements.query.audit;

import java.time.Instant;

/** One row of the event store, as stored: bytes untouched. */
public record StoredEvent(String aggregateId, long sequence, String eventId, String payloadType, String revision,
                          Instant recordedAt, byte[] metaData, byte[] payload) {
}
