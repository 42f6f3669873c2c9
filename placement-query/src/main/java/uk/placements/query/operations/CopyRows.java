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
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
     * Rows formatted as one piece of COPY text. One COPY command takes all of a statement's rows, streamed: the
     * pieces are formatted on the formatting threads ({@link #FORMATTERS}), several ahead of the one being sent, and
     * sent in order by the caller's thread, while PostgreSQL stores those sent before. No more than {@link #AHEAD}
     * pieces are held at once. (Sending 20,000 rows per command, the whole text of each built first, left each side
     * waiting for the other; formatting every piece on the caller's thread left the rebuild's write phase waiting
     * for that one thread while PostgreSQL and the other core had time to spare.)
     */
    static final int CHUNK_ROWS = 1_000;
    /** Pieces of COPY text formatted ahead of the one being sent. */
    static final int AHEAD = 8;
    /** The threads that format COPY text: one a core, daemons, shared by every COPY. */
    private static final ExecutorService FORMATTERS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "copy-rows-format");
                thread.setDaemon(true);
                return thread;
            });

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
            Deque<Future<CopyText>> pieces = new ArrayDeque<>();
            try {
                int next = 0;
                while (next < values.size() || !pieces.isEmpty()) {
                    while (next < values.size() && pieces.size() < AHEAD) {
                        List<Object[]> piece = values.subList(next, Math.min(values.size(), next + CHUNK_ROWS));
                        pieces.add(FORMATTERS.submit(() -> text(piece)));
                        next += piece.size();
                    }
                    CopyText text = pieces.removeFirst().get();
                    in.writeToCopy(text.bytes, 0, text.length);
                }
                return in.endCopy();
            } catch (java.sql.SQLException | RuntimeException e) {
                abandon(in, pieces, e);
                throw e;
            } catch (InterruptedException e) {
                abandon(in, pieces, e);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while copying into " + insert.table(), e);
            } catch (ExecutionException e) {
                abandon(in, pieces, e);
                throw e.getCause() instanceof RuntimeException cause ? cause
                        : new IllegalStateException("formatting rows for " + insert.table() + " failed", e.getCause());
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

    /** A COPY given up: the pieces not yet formatted are not, and PostgreSQL is told to discard what it has. */
    private static void abandon(CopyIn in, Deque<Future<CopyText>> pieces, Exception failure) {
        pieces.forEach(piece -> piece.cancel(false));
        if (in.isActive()) {
            try {
                in.cancelCopy();
            } catch (java.sql.SQLException cancel) {
                failure.addSuppressed(cancel);
            }
        }
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

    /** Rows in COPY's text format, each ended by a newline. */
    static CopyText text(List<Object[]> rows) {
        CopyText text = new CopyText(rows.size() * 128);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                append(text, row[i]);
                text.ascii(i + 1 < row.length ? '\t' : '\n');
            }
        }
        return text;
    }

    /** Whether {@link #append} writes the value. */
    static boolean writable(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof BigDecimal
                || value instanceof java.sql.Date || value instanceof Timestamp || value instanceof java.time.LocalDate
                || value instanceof byte[];
    }

    /** Appends one value as COPY's text format has it ({@link #writable} values only). */
    static void append(CopyText text, Object value) {
        if (value == null) {
            text.ascii('\\').ascii('N');
        } else if (value instanceof String s) {
            text.escaped(s);
        } else if (value instanceof Boolean b) {
            text.ascii(b ? 't' : 'f');
        } else if (value instanceof Integer i) {
            text.number(i);
        } else if (value instanceof Long l) {
            text.number(l);
        } else if (value instanceof Short sh) {
            text.number(sh);
        } else if (value instanceof BigDecimal d) {
            text.escaped(d.toPlainString());
        } else if (value instanceof java.sql.Date d) {
            text.date(d.toLocalDate());
        } else if (value instanceof Timestamp t) {
            text.escaped(t.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime().toString());
        } else if (value instanceof java.time.LocalDate d) {
            text.date(d);
        } else if (value instanceof byte[] bytes) {
            text.escaped("\\x" + HexFormat.of().formatHex(bytes));
        } else {
            throw new IllegalArgumentException("COPY does not write a " + value.getClass().getName());
        }
    }

    /**
     * COPY text as the UTF-8 bytes PostgreSQL reads (the connection's encoding), written straight into one array:
     * text of ASCII characters byte by byte, digits and dates without a string in between.
     */
    static final class CopyText {
        private byte[] bytes;
        private int length;

        CopyText(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        int length() {
            return length;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, length);
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        CopyText ascii(char c) {
            room(1);
            bytes[length++] = (byte) c;
            return this;
        }

        /** Text with COPY's escapes for backslash, tab, newline and carriage return. */
        void escaped(String s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    // beyond ASCII: the rest of the text escaped, then encoded as UTF-8
                    StringBuilder rest = new StringBuilder(s.length() - i + 8);
                    escape(rest, s.substring(i));
                    byte[] utf8 = rest.toString().getBytes(StandardCharsets.UTF_8);
                    room(utf8.length);
                    System.arraycopy(utf8, 0, bytes, length, utf8.length);
                    length += utf8.length;
                    return;
                }
                switch (c) {
                    case '\\' -> ascii('\\').ascii('\\');
                    case '\t' -> ascii('\\').ascii('t');
                    case '\n' -> ascii('\\').ascii('n');
                    case '\r' -> ascii('\\').ascii('r');
                    default -> ascii(c);
                }
            }
        }

        void number(long n) {
            if (n == Long.MIN_VALUE) {
                escaped(Long.toString(n));
                return;
            }
            room(20);
            if (n < 0) {
                bytes[length++] = '-';
                n = -n;
            }
            int digits = 1;
            for (long rest = n / 10; rest > 0; rest /= 10) {
                digits++;
            }
            for (int i = length + digits - 1; i >= length; i--) {
                bytes[i] = (byte) ('0' + n % 10);
                n /= 10;
            }
            length += digits;
        }

        /** A date as ISO's yyyy-MM-dd; a year beyond 0 to 9999 as {@link java.time.LocalDate#toString}. */
        void date(java.time.LocalDate date) {
            int year = date.getYear();
            if (year < 0 || year > 9999) {
                escaped(date.toString());
                return;
            }
            room(10);
            digits(year, 4);
            bytes[length++] = '-';
            digits(date.getMonthValue(), 2);
            bytes[length++] = '-';
            digits(date.getDayOfMonth(), 2);
        }

        private void digits(int value, int width) {
            for (int i = length + width - 1; i >= length; i--) {
                bytes[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += width;
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
}
