package uk.placements.query.operations;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.placements.query.RowWrites;

import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rebuild's rows on PostgreSQL, written by {@code COPY ... FROM STDIN} instead of batched INSERTs: the rows of a
 * whole history go into empty shadow tables ({@link ShadowTables}) in the rebuild's one transaction, where COPY
 * skips the per-statement work of an INSERT (a rebuild's profile on PostgreSQL spent half its samples writing
 * rows). Only a plain {@code INSERT INTO t (columns) VALUES (:names)} is copied, each value read by name from the
 * row (a record's component or a field) as {@link RowWrites} reads it; any other statement, or a value of a type
 * this does not write, goes to the batched statement as before. Values are written in COPY's text format as
 * PostgreSQL's JDBC driver would send them: dates as the JVM's local dates, timestamps at the JVM's zone offset.
 */
final class CopyRows implements RowWrites.Writer {

    private static final Pattern INSERT = Pattern.compile(
            "\\s*INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(([^)]*)\\)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile(":(\\w+)");
    /** Rows per COPY command: a few megabytes of text at a time. */
    static final int ROWS_PER_COPY = 20_000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Map<Class<?>, Map<String, Function<Object, Object>>> readers = new ConcurrentHashMap<>();
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
        if (insert == null || !rows.stream().allMatch(row -> writable(insert, row))) {
            return named.batchUpdate(namedSql, RowWrites.parameters(rows));
        }
        String copy = "COPY " + insert.table() + " (" + String.join(", ", insert.columns()) + ") FROM STDIN";
        long copied = 0;
        for (int from = 0; from < rows.size(); from += ROWS_PER_COPY) {
            String text = text(insert, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_COPY)));
            Long chunk = jdbc.execute((ConnectionCallback<Long>) connection -> {
                try {
                    return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(text));
                } catch (java.io.IOException e) {
                    throw new java.sql.SQLException("COPY into " + insert.table() + " failed", e);
                }
            });
            copied += chunk == null ? 0 : chunk;
        }
        if (copied != rows.size()) {
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

    /** Whether every value the statement names can be read from the row and written as text ({@link #append}). */
    private boolean writable(Insert insert, Object row) {
        Map<String, Function<Object, Object>> read = readers.computeIfAbsent(row.getClass(), CopyRows::readers);
        for (String name : insert.names()) {
            Function<Object, Object> value = read.get(name);
            if (value == null || !writable(value.apply(row))) {
                return false;
            }
        }
        return true;
    }

    /** The rows in COPY's text format; every value is writable ({@link #writable}). */
    private String text(Insert insert, List<?> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 96);
        for (Object row : rows) {
            Map<String, Function<Object, Object>> read = readers.get(row.getClass());
            for (int i = 0; i < insert.names().size(); i++) {
                append(text, read.get(insert.names().get(i)).apply(row));
                text.append(i + 1 < insert.names().size() ? '\t' : '\n');
            }
        }
        return text.toString();
    }

    /** Whether {@link #append} writes the value. */
    static boolean writable(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof BigDecimal
                || value instanceof java.sql.Date || value instanceof Timestamp || value instanceof java.time.LocalDate
                || value instanceof byte[];
    }

    /** Appends one value as COPY's text format has it ({@link #writable} values only). */
    static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            escape(text, s);
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            text.append(value);
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof java.sql.Date d) {
            text.append(d.toLocalDate());
        } else if (value instanceof Timestamp t) {
            text.append(t.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime());
        } else if (value instanceof java.time.LocalDate d) {
            text.append(d);
        } else if (value instanceof byte[] bytes) {
            text.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        } else {
            throw new IllegalArgumentException("COPY does not write a " + value.getClass().getName());
        }
    }

    private static void escape(StringBuilder text, String s) {
        for (int i = 0; i < s.length(); i++) {
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

    /** How to read each named value of a row: its record components, else its fields (its class's and above). */
    private static Map<String, Function<Object, Object>> readers(Class<?> type) {
        Map<String, Function<Object, Object>> readers = new java.util.HashMap<>();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    readers.put(component.getName(), reader(lookup.unreflect(accessor)));
                }
                return readers;
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !readers.containsKey(field.getName())) {
                        field.setAccessible(true);
                        readers.put(field.getName(), reader(lookup.unreflectGetter(field)));
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the rows of " + type.getName() + " cannot be read", e);
        }
        return readers;
    }

    private static Function<Object, Object> reader(MethodHandle getter) {
        return row -> {
            try {
                return getter.invoke(row);
            } catch (Throwable e) {
                throw new IllegalStateException("a row's value could not be read", e);
            }
        };
    }
}
