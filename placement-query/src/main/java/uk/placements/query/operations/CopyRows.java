package uk.placements.query.operations;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.placements.query.RowParameters;
import uk.placements.query.RowWrites;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rebuild's rows on PostgreSQL, written by {@code COPY ... FROM STDIN} instead of batched INSERTs: the rows of a
 * whole history go into empty shadow tables ({@link ShadowTables}) in the rebuild's one transaction, where COPY
 * skips the per-statement work of an INSERT (a rebuild's profile on PostgreSQL spent half its samples writing
 * rows). Only a plain {@code INSERT INTO t (columns) VALUES (:names)} is copied, each value read by name by the
 * same parameter sources as the batched INSERT ({@link RowWrites#parameters}); any other statement, or a value of a
 * type this does not write, goes to the batched statement as before. Values are written in COPY's text format as
 * PostgreSQL's JDBC driver would send them: dates as the JVM's local dates, timestamps at the JVM's zone offset.
 */
final class CopyRows implements RowWrites.Writer {

    private static final Pattern INSERT = Pattern.compile(
            "\\s*INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(([^)]*)\\)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile(":(\\w+)");
    /**
     * Characters of COPY text sent at a time. One COPY command takes all of a statement's rows, streamed: the text of
     * the next rows is written while PostgreSQL stores those sent before, on the other core, and no more than this
     * is held at once. (Sending 20,000 rows per command, the whole text of each built first, left each side waiting
     * for the other.)
     */
    static final int CHUNK_CHARS = 64 * 1024;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    /** Rows written by COPY so far (not those that went to the batched INSERT). */
    private long rowsCopied;

    CopyRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A plain INSERT's table, columns and parameter names; null for any other statement. */
    record Insert(String table, List<String> columns, List<String> names) {

        static Insert of(String namedSql) {
            Matcher insert = INSERT.matcher(namedSql);
            if (!insert.matches()) {
                return null;
            }
            List<String> columns = Arrays.stream(insert.group(2).split(",")).map(String::strip).toList();
            List<String> names = new ArrayList<>();
            for (String value : insert.group(3).split(",")) {
                Matcher name = NAME.matcher(value.strip());
                if (!name.matches()) {
                    return null;
                }
                names.add(name.group(1));
            }
            return columns.size() == names.size() ? new Insert(insert.group(1), columns, names) : null;
        }
    }

    @Override
    public int[] batchUpdate(String namedSql, List<?> rows) {
        Insert insert = Insert.of(namedSql);
        List<Object[]> values = insert == null ? null : values(insert, rows);
        if (values == null) {
            return named.batchUpdate(namedSql, RowWrites.parameters(rows));
        }
        String copy = "COPY " + insert.table() + " (" + String.join(", ", insert.columns()) + ") FROM STDIN";
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
            try {
                StringBuilder text = new StringBuilder(CHUNK_CHARS + 4 * 1024);
                for (Object[] row : values) {
                    appendRow(text, row);
                    if (text.length() >= CHUNK_CHARS) {
                        send(in, text);
                    }
                }
                send(in, text);
                return in.endCopy();
            } catch (java.sql.SQLException | RuntimeException e) {
                if (in.isActive()) {
                    try {
                        in.cancelCopy();
                    } catch (java.sql.SQLException cancel) {
                        e.addSuppressed(cancel);
                    }
                }
                throw e;
            }
        });
        if (copied == null || copied != rows.size()) {
            throw new IllegalStateException("COPY into " + insert.table() + " wrote " + copied + " rows of "
                    + rows.size());
        }
        rowsCopied += copied;
        int[] changed = new int[rows.size()];
        Arrays.fill(changed, 1);
        return changed;
    }

    long rowsCopied() {
        return rowsCopied;
    }

    /**
     * Each row's values in the statement's order, read by name as the batched INSERT reads them ({@link
     * RowParameters}, its accessors found once per class); null if a row lacks a value or has one COPY is not given
     * here ({@link #writable}).
     */
    private static List<Object[]> values(Insert insert, List<?> rows) {
        List<Object[]> values = new ArrayList<>(rows.size());
        Class<?> type = null;
        RowParameters.Accessor[] read = null;
        for (Object row : rows) {
            if (row.getClass() != type) {
                type = row.getClass();
                read = RowParameters.reader(type, insert.names());
                if (read == null) {
                    return null;
                }
            }
            Object[] value = new Object[read.length];
            for (int i = 0; i < value.length; i++) {
                if (!writable(value[i] = read[i].read(row))) {
                    return null;
                }
            }
            values.add(value);
        }
        return values;
    }

    /**
     * Dates as COPY text, by the {@link java.sql.Date}'s instant: a rebuild writes a few thousand distinct days
     * hundreds of thousands of times, and {@code Date.toLocalDate()} works each out through a calendar.
     */
    private final Map<Long, String> days = new HashMap<>();
    /** The JVM's zone, as the driver reads it, asked for once: each ask copies the default {@code TimeZone}. */
    private final ZoneId zone = ZoneId.systemDefault();

    /** One row in COPY's text format. */
    private void appendRow(StringBuilder text, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            append(text, row[i]);
            text.append(i + 1 < row.length ? '\t' : '\n');
        }
    }

    /** Sends {@code text} (whole rows) in the connection's encoding, UTF-8, and empties it. */
    private static void send(CopyIn in, StringBuilder text) throws java.sql.SQLException {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** Whether {@link #append} writes the value. */
    static boolean writable(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof BigDecimal
                || value instanceof java.sql.Date || value instanceof Timestamp || value instanceof java.time.LocalDate
                || value instanceof byte[];
    }

    /** Appends one value as COPY's text format has it ({@link #writable} values only). */
    private void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            escape(text, s);
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof Integer i) {
            text.append(i.intValue());
        } else if (value instanceof Long l) {
            text.append(l.longValue());
        } else if (value instanceof Short s) {
            text.append(s.shortValue());
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof java.sql.Date d) {
            text.append(days.computeIfAbsent(d.getTime(), time -> d.toLocalDate().toString()));
        } else if (value instanceof Timestamp t) {
            text.append(t.toInstant().atZone(zone).toOffsetDateTime());
        } else if (value instanceof java.time.LocalDate d) {
            appendDate(text, d);
        } else if (value instanceof byte[] bytes) {
            text.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        } else {
            throw new IllegalArgumentException("COPY does not write a " + value.getClass().getName());
        }
    }

    /**
     * A date as ISO text ({@code 2026-09-01}), as {@link java.time.LocalDate#toString} writes it, without making a
     * string of it first: the history's rows hold five dates each. A year outside 1000-9999 as {@code toString} has
     * it.
     */
    static void appendDate(StringBuilder text, java.time.LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            text.append(date);
            return;
        }
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        text.append(year).append(month < 10 ? "-0" : "-").append(month).append(day < 10 ? "-0" : "-").append(day);
    }

    private static void escape(StringBuilder text, String s) {
        // the usual value (an id, a code, a name) has nothing to escape: String.indexOf scans it faster than a loop
        if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            text.append(s);
            return;
        }
        int plain = 0;
        while (plain < s.length() && !special(s.charAt(plain))) {
            plain++;
        }
        // most values have nothing to escape: appended whole, not a character at a time
        text.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}
