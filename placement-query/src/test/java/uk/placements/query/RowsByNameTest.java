package uk.placements.query;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowsByNameTest {

    record Waiting(String primaryNeed, int yearGroup, Integer mainstreamPercent, LocalDate referredOn,
                   Date offeredOn, BigDecimal hours, boolean overCapacity) {
    }

    @TempDir
    Path dir;

    private JdbcTemplate jdbc;

    private SingleConnectionDataSource h2;

    @BeforeEach
    void table() {
        // one connection for the whole test: the database opens once and closes only after the trace is read
        h2 = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("rows") + ";TRACE_LEVEL_FILE=1", "sa", "",
                true);
        jdbc = new JdbcTemplate(h2);
        jdbc.execute("CREATE TABLE w (over_capacity BOOLEAN, primary_need VARCHAR(8), year_group INT, "
                + "mainstream_percent INT, referred_on DATE, offeredon DATE, hours DECIMAL(5,2))");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(new Object[] {i % 2 == 0, "ASD", i % 12, i % 3 == 0 ? null : i % 100,
                    Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(i)), null, new BigDecimal("2.50")});
        }
        jdbc.batchUpdate("INSERT INTO w VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @AfterEach
    void close() {
        h2.destroy();
    }

    @Test
    void eachComponentComesFromTheColumnOfItsNameWhateverTheOrder() {
        List<Waiting> rows = jdbc.query("SELECT * FROM w ORDER BY referred_on", RowsByName.of(Waiting.class));

        assertThat(rows).hasSize(500);
        assertThat(rows.get(0)).isEqualTo(new Waiting("ASD", 0, null, LocalDate.of(2026, 1, 1), null,
                new BigDecimal("2.50"), true));
        assertThat(rows.get(1)).isEqualTo(new Waiting("ASD", 1, 1, LocalDate.of(2026, 1, 2), null,
                new BigDecimal("2.50"), false));
    }

    /** DataClassRowMapper asked H2 for a column that is not there on every row, and H2 traced each refusal. */
    @Test
    void readingManyRowsLeavesNoTraceOfFailedColumnLookups() throws Exception {
        jdbc.query("SELECT * FROM w", RowsByName.of(Waiting.class));

        Path trace = dir.resolve("rows.trace.db");
        assertThat(Files.exists(trace) ? Files.readString(trace) : "")
                .as("what H2 traced while the rows were read").isEmpty();
    }

    @Test
    void aMissingColumnIsNamedOnce() {
        assertThatThrownBy(() -> jdbc.query("SELECT primary_need FROM w", RowsByName.of(Waiting.class)))
                .hasMessageContaining("no column year_group for Waiting.yearGroup");
    }

    @Test
    void onlyRecordsAreMapped() {
        assertThatThrownBy(() -> RowsByName.of((Class) String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a record");
    }
}
