package uk.placements.query.operations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.placements.command.postgres.EmbeddedPostgresDatabase;
import uk.placements.query.RowWrites;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild on PostgreSQL writes its rows by COPY ({@link CopyRows}): on a real PostgreSQL, the same rows written by
 * COPY and by the batched INSERT the rest of the product uses read back identically, values COPY's text format
 * treats specially included (tab, newline, backslash, a lone {@code \.}, {@code \N} as text, empty text against
 * null), with dates, timestamps to the nanosecond (with and without a zone), numbers, booleans and bytes. A statement
 * or a value it does not copy goes to the batched INSERT and is still written.
 */
class CopyRowsTest {

    private static final String COLUMNS = """
            id INT PRIMARY KEY, s TEXT, b BOOLEAN, n BIGINT, d DATE, ts TIMESTAMP WITH TIME ZONE, tsl TIMESTAMP,
            amount NUMERIC(9, 2), bytes BYTEA, kind VARCHAR(20)""";
    private static final String INSERT = """
            INSERT INTO %s (id, s, b, n, d, ts, tsl, amount, bytes, kind)
            VALUES (:id, :s, :b, :n, :d, :ts, :tsl, :amount, :bytes, :kind)""";
    private static final String READ_BACK = """
            SELECT id, s, b, n, d::text AS d, ts::text AS ts, tsl::text AS tsl, amount::text AS amount,
                   encode(bytes, 'hex') AS bytes, kind FROM %s ORDER BY id""";

    record Row(int id, String s, Boolean b, Long n, Date d, Timestamp ts, Timestamp tsl, BigDecimal amount,
               byte[] bytes, String kind) {
    }

    private JdbcTemplate jdbc;

    @BeforeEach
    void tables() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource(EmbeddedPostgresDatabase.jdbcUrl("copy_rows"),
                "postgres", ""));
        for (String table : List.of("by_copy", "by_insert", "fallen_back")) {
            jdbc.execute("DROP TABLE IF EXISTS " + table);
            jdbc.execute("CREATE TABLE " + table + " (" + COLUMNS + ")");
        }
    }

    @Test
    void rowsWrittenByCopyReadBackAsTheBatchedInsertWritesThem() {
        List<String> texts = List.of("plain", "tab\there", "new\nline and\r\nreturn", "back\\slash", "\\.", "\\N",
                "", "quote ' and \"", "é ü 中 😀", "trailing\\");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size() * 3; i++) {
            boolean nulls = i % 3 == 2;
            Timestamp at = Timestamp.valueOf(LocalDateTime.of(2025, 3, 30, 0, 59, 59).plusHours(i)
                    .plusNanos(123_456_789L * (i % 2)));
            rows.add(new Row(i, nulls ? null : texts.get(i % texts.size()), nulls ? null : i % 2 == 0,
                    nulls ? null : Long.MAX_VALUE - i, nulls ? null : Date.valueOf(LocalDate.of(2024, 2, 29).plusDays(i)),
                    nulls ? null : at, nulls ? null : at, nulls ? null : new BigDecimal("-1234567.8").add(
                    BigDecimal.valueOf(i)), nulls ? null : new byte[] {0, (byte) i, (byte) 0xff, '\\', '\t'},
                    nulls ? null : i % 2 == 0 ? "REFERRED" : "ADMITTED"));
        }

        CopyRows copy = new CopyRows(jdbc);
        int[] copied = copy.batchUpdate(INSERT.formatted("by_copy"), rows);
        new NamedParameterJdbcTemplate(jdbc).batchUpdate(INSERT.formatted("by_insert"), RowWrites.parameters(rows));

        assertThat(copy.rowsCopied()).as("written by COPY, not by the INSERT").isEqualTo(rows.size());
        assertThat(copied).hasSize(rows.size()).containsOnly(1);
        List<Map<String, Object>> byCopy = jdbc.queryForList(READ_BACK.formatted("by_copy"));
        assertThat(byCopy).hasSize(rows.size()).isEqualTo(jdbc.queryForList(READ_BACK.formatted("by_insert")));
        assertThat(byCopy.get(1).get("s")).isEqualTo("tab\there");
        assertThat(byCopy.get(6).get("s")).as("empty text stays text").isEqualTo("");
        assertThat(byCopy.get(2).get("s")).as("a row with nulls").isNull();
    }

    /** A row whose date is a {@link LocalDate}, as the history's rows have them. */
    record DayRow(int id, LocalDate d) {
    }

    /**
     * Local dates are written as COPY text digit by digit ({@link CopyRows#appendDate}): every day of four years,
     * single-digit months and days, leap days, a year before 1000 and no date at all read back as the batched INSERT
     * writes them.
     */
    @Test
    void localDatesAreCopiedAsTheBatchedInsertWritesThem() {
        List<DayRow> rows = new ArrayList<>();
        LocalDate first = LocalDate.of(2023, 1, 1);
        for (int i = 0; i < 4 * 366; i++) {
            rows.add(new DayRow(i, first.plusDays(i)));
        }
        rows.add(new DayRow(rows.size(), LocalDate.of(999, 12, 31)));
        rows.add(new DayRow(rows.size(), LocalDate.of(9999, 1, 9)));
        rows.add(new DayRow(rows.size(), null));
        String insert = "INSERT INTO %s (id, d) VALUES (:id, :d)";
        String readBack = "SELECT id, d::text AS d FROM %s ORDER BY id";

        CopyRows copy = new CopyRows(jdbc);
        copy.batchUpdate(insert.formatted("by_copy"), rows);
        new NamedParameterJdbcTemplate(jdbc).batchUpdate(insert.formatted("by_insert"), RowWrites.parameters(rows));

        assertThat(copy.rowsCopied()).as("written by COPY, not by the INSERT").isEqualTo(rows.size());
        List<Map<String, Object>> byCopy = jdbc.queryForList(readBack.formatted("by_copy"));
        assertThat(byCopy).hasSize(rows.size()).isEqualTo(jdbc.queryForList(readBack.formatted("by_insert")));
        assertThat(byCopy.get(59).get("d")).isEqualTo("2023-03-01");
        assertThat(byCopy.get(rows.size() - 3).get("d")).isEqualTo("0999-12-31");
    }

    /**
     * Many rows go in one COPY, sent a chunk at a time: rows of many chunks, with text of two, three and four bytes
     * a character in UTF-8 and a row longer than a chunk, read back as the batched INSERT writes them, every one.
     */
    @Test
    void rowsOfManyChunksAreAllCopiedWhole() {
        List<String> texts = List.of("é", "中文", "😀 emoji", "tab\there", "x".repeat(CopyRows.CHUNK_CHARS + 10));
        List<Row> rows = new ArrayList<>();
        int count = 12_000;
        for (int i = 0; i < count; i++) {
            rows.add(new Row(i, i + " " + texts.get(i % texts.size()), i % 2 == 0, (long) i, null, null, null, null,
                    null, "K" + i % 7));
        }
        long characters = rows.stream().mapToLong(row -> row.s().length() + 20).sum();
        assertThat(characters).as("more than a few chunks").isGreaterThan(10L * CopyRows.CHUNK_CHARS);

        CopyRows copy = new CopyRows(jdbc);
        copy.batchUpdate(INSERT.formatted("by_copy"), rows);
        new NamedParameterJdbcTemplate(jdbc).batchUpdate(INSERT.formatted("by_insert"), RowWrites.parameters(rows));

        assertThat(copy.rowsCopied()).isEqualTo(count);
        assertThat(jdbc.queryForList(READ_BACK.formatted("by_copy"))).hasSize(count)
                .isEqualTo(jdbc.queryForList(READ_BACK.formatted("by_insert")));
    }

    /** A COPY that PostgreSQL refuses part-way, chunks after the first: the call fails and no row is written. */
    @Test
    void aCopyRefusedPartWayFailsAndWritesNothing() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // about 70 characters a row: the refused row comes some four chunks in
            rows.add(new Row(i == 4_000 ? 0 : i, "row " + i + " " + "x".repeat(60), null, null, null, null, null,
                    null, null, null));
        }
        CopyRows copy = new CopyRows(jdbc);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> copy.batchUpdate(INSERT.formatted("by_copy"), rows))
                .hasMessageContaining("duplicate key");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM by_copy", Long.class)).isZero();
    }

    /** A value whose type COPY is not given here (a UUID) or a statement with an expression: the batched INSERT. */
    @Test
    void whatItDoesNotCopyGoesToTheBatchedInsert() {
        record Odd(int id, UUID s) {
        }
        record Plain(int id, String s) {
        }
        CopyRows copy = new CopyRows(jdbc);

        copy.batchUpdate("INSERT INTO fallen_back (id, s) VALUES (:id, :s)", List.of(new Odd(1, new UUID(0, 1))));
        copy.batchUpdate("INSERT INTO fallen_back (id, s) VALUES (:id, UPPER(:s))", List.of(new Plain(2, "low")));

        assertThat(copy.rowsCopied()).isZero();
        assertThat(jdbc.queryForList("SELECT s FROM fallen_back ORDER BY id", String.class))
                .containsExactly("00000000-0000-0000-0000-000000000001", "LOW");
        assertThat(CopyRows.Insert.of("INSERT INTO fallen_back (id, s) VALUES (:id, UPPER(:s))")).isNull();
        assertThat(CopyRows.Insert.of("INSERT INTO t (a, b) VALUES (:a, :b)"))
                .isEqualTo(new CopyRows.Insert("t", List.of("a", "b"), List.of("a", "b")));
    }
}
