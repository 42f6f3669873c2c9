package uk.placements.app;

import uk.placements.command.postgres.EmbeddedPostgresDatabase;

import java.nio.file.Path;
import java.util.List;

/**
 * {@link RestartPersistenceTest} on a real PostgreSQL, configured as in production: the {@code postgres} profile with
 * the database given as {@code PLACEMENTS_DB_*} (here as arguments, which resolve like environment variables).
 */
class RestartPersistenceOnPostgresTest extends RestartPersistenceTest {

    @Override
    protected List<String> database(Path dataDir) {
        return List.of("--spring.profiles.active=postgres", "--placements.demo.users=true",
                "--PLACEMENTS_DB_URL=" + EmbeddedPostgresDatabase.jdbcUrl("restart"),
                "--PLACEMENTS_DB_USER=postgres",
                "--PLACEMENTS_DB_PASSWORD=");
    }
}
