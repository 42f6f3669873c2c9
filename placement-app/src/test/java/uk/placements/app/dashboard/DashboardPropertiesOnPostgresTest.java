package uk.placements.app.dashboard;

import uk.placements.command.postgres.EmbeddedPostgresDatabase;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@link DashboardPropertiesTest} on a real PostgreSQL, configured as in production (the {@code postgres} profile, the
 * database given as {@code PLACEMENTS_DB_*}), a new database per authority. PostgreSQL reads the row in force from
 * each provision's latest row where it can and seeks the ledger otherwise ({@code LedgerInForce}), which H2 does not:
 * the back-dated commands and the dates before, on and after them meet both paths here.
 */
class DashboardPropertiesOnPostgresTest extends DashboardPropertiesTest {

    @Override
    protected boolean onPostgres() {
        return true;
    }

    @Override
    protected List<String> database() {
        String name = "dash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return List.of("--spring.profiles.active=postgres", "--placements.demo.users=true",
                "--PLACEMENTS_DB_URL=" + EmbeddedPostgresDatabase.jdbcUrl(name), "--PLACEMENTS_DB_USER=postgres",
                "--PLACEMENTS_DB_PASSWORD=");
    }
}
