package uk.placements.query.capacity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.placements.command.postgres.EmbeddedPostgresDatabase;
import uk.placements.edge.schema.SchemaMigrations;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The upgrade to V178 on a database with capacity-ledger rows, on H2 and on a real PostgreSQL: every row written
 * before it, in the ledger and in the latest rows, gets its vacancies and over-capacity by the rule the projection
 * uses from then on (places taken are pupils on roll plus offers outstanding; neither figure below 0); the reporting
 * views show them with the columns they had; and no default stands in for a figure a writer leaves out.
 */
class FiguresKeptByV178Test {

    /** commissioned places, on roll, offers outstanding: under, at and over capacity, and none commissioned. */
    private static final List<int[]> FIGURES = List.of(new int[] {10, 3, 2}, new int[] {5, 4, 1}, new int[] {4, 5, 2},
            new int[] {0, 0, 0}, new int[] {0, 1, 0}, new int[] {8, 0, 9});

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void rowsWrittenBeforeV178GetVacanciesAndOverCapacityByTheProjectionsRule(String vendor) {
        DataSource dataSource = "h2".equals(vendor)
                ? new DriverManagerDataSource("jdbc:h2:mem:v178_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : new DriverManagerDataSource(EmbeddedPostgresDatabase.jdbcUrl("v178_upgrade"), "postgres", "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, vendor, "eventstore", null);
        migrate(dataSource, vendor, "command", null);
        // the last version before V178: V177 is PostgreSQL's alone
        migrate(dataSource, vendor, "query", "h2".equals(vendor) ? "176" : "177");
        for (int i = 0; i < FIGURES.size(); i++) {
            int[] f = FIGURES.get(i);
            for (String table : List.of("rm_capacity_ledger", "rm_capacity_latest")) {
                jdbc.update("INSERT INTO " + table + " (provision_id, effective_from, is_open, commissioned_places, "
                        + "on_roll, offers_outstanding, outside_designated_need, mainstream_percent_sum, "
                        + "at_or_above_half) VALUES (?, DATE '2026-09-01', TRUE, ?, ?, ?, 0, 0, 0)",
                        "P" + i, f[0], f[1], f[2]);
            }
        }

        migrate(dataSource, vendor, "query", null);

        for (String table : List.of("rm_capacity_ledger", "rm_capacity_latest", "report_capacity_ledger")) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT provision_id, commissioned_places, on_roll, "
                    + "offers_outstanding, vacancies, over_capacity FROM " + table + " ORDER BY provision_id");
            assertThat(rows).as(table).hasSize(FIGURES.size());
            for (Map<String, Object> row : rows) {
                int[] f = FIGURES.get(Integer.parseInt(((String) row.get("provision_id")).substring(1)));
                assertThat(((Number) row.get("vacancies")).intValue()).as(table + " " + row)
                        .isEqualTo(Math.max(0, f[0] - f[1] - f[2]));
                assertThat(((Number) row.get("over_capacity")).intValue()).as(table + " " + row)
                        .isEqualTo(Math.max(0, f[1] + f[2] - f[0]));
            }
        }
        for (String table : List.of("rm_capacity_ledger", "rm_capacity_latest")) {
            assertThatThrownBy(() -> jdbc.update("INSERT INTO " + table + " (provision_id, effective_from, is_open, "
                    + "commissioned_places, on_roll, offers_outstanding, outside_designated_need, "
                    + "mainstream_percent_sum, at_or_above_half) "
                    + "VALUES ('Q', DATE '2026-09-02', TRUE, 1, 0, 0, 0, 0, 0)"))
                    .as(table + ": a row without its vacancies").isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    /** As the product migrates a part ({@link SchemaMigrations#flyway}), up to {@code target} when it is given. */
    private static void migrate(DataSource dataSource, String vendor, String part, String target) {
        var flyway = SchemaMigrations.flyway(dataSource, part, vendor);
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }
}
