package uk.placements.query.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import uk.placements.edge.schema.SchemaPart;
import uk.placements.edge.schema.SchemaPrecondition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The reporting views grant SELECT to the read-only role {@code placements_reporting} ({@code
 * V101__reporting_views.sql}). A role belongs to the PostgreSQL cluster, and only a superuser or a user with
 * CREATEROLE may create it: with an ordinary database owner (a managed database, say) the migration failed and the
 * query service did not start. Creating the role is therefore an operator's step, done once per cluster as a
 * superuser ({@code CREATE ROLE placements_reporting NOLOGIN;}, README "Dashboards and reporting"); the migration then
 * only grants on the views it owns, which the owner may. Checked before the query schema migrates: a service whose
 * user can neither find nor create the role refuses to start with one line saying exactly that.
 */
public class ReportingRole implements SchemaPrecondition {

    public static final String NAME = "placements_reporting";

    @Override
    public void check(SchemaPart part, String vendor, DataSource dataSource) throws SQLException {
        if (!"query".equals(part.name()) || !"postgresql".equals(vendor)) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + NAME
                     + "') AS role_exists, (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = "
                     + "current_user) AS may_create, current_user AS user_name")) {
            row.next();
            if (!row.getBoolean("role_exists") && !row.getBoolean("may_create")) {
                throw new Missing(row.getString("user_name"));
            }
        }
    }

    /** The role is missing and this service's database user may not create it. */
    public static class Missing extends IllegalStateException {
        Missing(String user) {
            super("the reporting role " + NAME + " does not exist and the database user " + user
                    + " may not create roles");
        }
    }

    /** Spring Boot's plain start-up report for {@link Missing}: the one statement to run. */
    public static class MissingAnalyzer extends AbstractFailureAnalyzer<Missing> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, Missing cause) {
            return new FailureAnalysis("Refusing to start: " + cause.getMessage() + ".",
                    "Once per PostgreSQL cluster, as a superuser: CREATE ROLE " + NAME + " NOLOGIN; "
                            + "(README, \"Dashboards and reporting\"). The service's own user needs no more than to "
                            + "own its database.", cause);
        }
    }
}
