package uk.placements.query.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.edge.schema.SchemaMigrations;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The query instances sharing this database ({@code query_instance}): this one's id and heartbeat, and which are
 * alive. The id is also this instance's name as a token owner ({@code TokenEntry.owner}): Axon's default, the JVM's
 * {@code pid@host}, would let two instances in one JVM (as the tests run them) take each other's claims for their
 * own, and a random suffix keeps a restarted instance from mistaking its predecessor's claims for its own.
 * <p>
 * Alive: a heartbeat within the token claim timeout, the same window after which Axon lets another instance take a
 * silent instance's segments. Times are this JVM's clock, as Axon's claim timestamps are.
 */
@Component
public class QueryInstances {

    private final JdbcTemplate jdbc;
    private final String id;
    private final Duration liveness;

    public QueryInstances(JdbcTemplate jdbc, SchemaMigrations.Migrated schema,
                          @Value("${placements.operations.instance-id:}") String configuredId,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration liveness) {
        this.jdbc = jdbc;
        this.id = configuredId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() + "/"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) : configuredId;
        this.liveness = liveness;
    }

    public String id() {
        return id;
    }

    /** How long a claim or heartbeat stays good without renewal: Axon's token claim timeout. */
    public Duration liveness() {
        return liveness;
    }

    void heartbeat() {
        long now = System.currentTimeMillis();
        if (jdbc.update("UPDATE query_instance SET heartbeat_at = ? WHERE instance_id = ?", now, id) == 0) {
            try {
                jdbc.update("INSERT INTO query_instance (instance_id, heartbeat_at) VALUES (?, ?)", id, now);
            } catch (DuplicateKeyException insertedMeanwhile) {
                // only this instance writes its own row; a retried first heartbeat may find it there
            }
        }
        // long-dead rows go, so the table stays as small as the deployment
        jdbc.update("DELETE FROM query_instance WHERE heartbeat_at < ?", now - Duration.ofHours(1).toMillis());
    }

    /** The instances whose heartbeat is recent, this one included. */
    Set<String> alive() {
        long since = System.currentTimeMillis() - liveness.toMillis();
        Set<String> alive = jdbc.queryForList("SELECT instance_id FROM query_instance WHERE heartbeat_at > ?",
                String.class, since).stream().collect(Collectors.toSet());
        alive.add(id);
        return alive;
    }

    /** A clean stop: the others see at once that this instance's share is theirs. */
    void leave() {
        jdbc.update("DELETE FROM query_instance WHERE instance_id = ?", id);
    }
}
