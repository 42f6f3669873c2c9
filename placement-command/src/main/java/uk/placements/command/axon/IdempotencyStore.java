package uk.placements.command.axon;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/** The first answer given to each (user, Idempotency-Key). */
public class IdempotencyStore {

    /** What a write answered: the aggregate, its version after the command, and whether it was created. */
    public record Answer(String requestHash, String aggregateId, long version, boolean created) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Answer> find(String user, String key) {
        return jdbc.query("SELECT request_hash, aggregate_id, version, created FROM idempotent_request "
                        + "WHERE user_id = ? AND idempotency_key = ?",
                (rs, i) -> new Answer(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)),
                user, key).stream().findFirst();
    }

    /** Fails with a DuplicateKeyException when the same key was recorded first by a concurrent request. */
    void record(String user, String key, Answer answer) {
        jdbc.update("INSERT INTO idempotent_request (user_id, idempotency_key, request_hash, aggregate_id, version, "
                        + "created, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                user, key, answer.requestHash(), answer.aggregateId(), answer.version(), answer.created(),
                Timestamp.from(clock.instant()));
    }
}
