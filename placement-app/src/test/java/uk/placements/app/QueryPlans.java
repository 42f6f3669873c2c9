package uk.placements.app;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.Statement;

/** How the tests that check a query's plan ask the database for it, on H2 and on PostgreSQL alike. */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** Whether {@code jdbc} reaches PostgreSQL (else H2). */
    public static boolean onPostgres(JdbcTemplate jdbc) {
        return "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName()));
    }

    /**
     * The plan {@code explain} (such as {@code EXPLAIN} or {@code EXPLAIN ANALYZE}) gives for {@code sql}, one line
     * per row. On PostgreSQL with the planner setting {@code pricedOut} (such as {@code enable_sort}) off on that
     * connection for the while, so that the plan shows whether anything but the priced-out way can answer.
     */
    public static String plan(JdbcTemplate jdbc, String explain, String sql, String pricedOut) {
        boolean postgres = onPostgres(jdbc);
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            try (Statement statement = connection.createStatement()) {
                if (postgres) {
                    statement.execute("SET " + pricedOut + " = off");
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = statement.executeQuery(explain + " " + sql)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                } finally {
                    if (postgres) {
                        statement.execute("RESET " + pricedOut);
                    }
                }
                return plan.toString();
            }
        });
    }
}
