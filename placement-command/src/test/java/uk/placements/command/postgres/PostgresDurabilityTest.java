package uk.placements.command.postgres;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import uk.placements.edge.h2.PostgresDurability;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded test server runs with fsync and synchronous_commit off, which is exactly what the start-up warning
 * must name; a setting turned back on is no longer named.
 */
class PostgresDurabilityTest {

    @Test
    void settingsThatLoseAcknowledgedCommitsAreNamed() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(EmbeddedPostgresDatabase.jdbcUrl("durability"));
        dataSource.setUser("postgres");
        assertThat(PostgresDurability.weaknesses(dataSource)).containsExactly("fsync=off", "synchronous_commit=off");
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE durability SET synchronous_commit = on");
        }
        assertThat(PostgresDurability.weaknesses(dataSource)).containsExactly("fsync=off");
    }
}
