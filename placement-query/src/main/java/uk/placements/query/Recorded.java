package uk.placements.query;

import org.axonframework.messaging.MetaData;

import java.sql.Timestamp;
import java.time.Instant;

/** Who recorded an event and when, as its metadata and timestamp say. */
public record Recorded(long seq, Instant at, String by) {

    public static Recorded of(long seq, Instant at, MetaData metaData) {
        Object user = metaData.get("userId");
        return new Recorded(seq, at, user == null ? null : user.toString());
    }

    public Timestamp timestamp() {
        return Timestamp.from(at);
    }
}
