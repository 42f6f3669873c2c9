package uk.placements.app.dashboard;

import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.query.operations.ProjectionOperations;

import java.time.Duration;

/**
 * Waits for the asynchronous projections the dashboards read to have handled every stored event: the history and
 * the provisions by their rows, and every read model (the capacity ledger among them) by its position.
 */
final class ReadModels {

    private ReadModels() {
    }

    static void awaitCaughtUp(JdbcTemplate jdbc, ProjectionOperations operations, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!caughtUp(jdbc) || !operations.status().stream().allMatch(s -> s.lag() == 0 && !s.replaying())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the projections did not catch up within " + limit);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** One period per placement event; a provision's version is the sequence of its latest event. */
    private static boolean caughtUp(JdbcTemplate jdbc) {
        long placementEvents = jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE type = 'Placement'", Long.class);
        long periods = jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement_period", Long.class);
        long provisionsBehind = jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT aggregateIdentifier AS id, MAX(sequenceNumber) AS latest
                    FROM DomainEventEntry WHERE type = 'Provision' GROUP BY aggregateIdentifier) e
                LEFT JOIN rm_provision p ON p.provision_id = e.id
                WHERE p.version IS NULL OR p.version < e.latest""", Long.class);
        return placementEvents == periods && provisionsBehind == 0;
    }
}
