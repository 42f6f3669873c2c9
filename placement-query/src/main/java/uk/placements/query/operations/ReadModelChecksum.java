package uk.placements.query.operations;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deterministic fingerprint of a read model's content: SHA-256 over its tables in a fixed order, each read in
 * primary-key order, each row as every column's name and canonical text. Equal content gives an equal checksum
 * whatever order the rows were written in and however many times; rows written by a rebuild hold event data only
 * (business dates, event timestamps, sequences), never the time of the rebuild, so a faithful rebuild reproduces it.
 * <p>
 * Canonical text: NULL and values are length-prefixed so no value can imitate a separator; dates ISO
 * ({@code 2025-09-01}); instants in UTC ({@code Instant.toString()}), whatever zone the database returns them in;
 * decimals without trailing zeros ({@code 2.50} and {@code 2.5} are one value); booleans {@code true}/{@code false};
 * integers in decimal; anything else as the driver's string. Comparable on one database, not across databases
 * (string key order is the database's collation).
 */
@Component
public class ReadModelChecksum {

    /** The checksum and, to make a mismatch easier to chase, the rows of each table. */
    public record Checksum(String sha256, Map<String, Long> rows) {
    }

    private final JdbcTemplate jdbc;

    public ReadModelChecksum(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Checksum of(ReadModel model) {
        MessageDigest digest = sha256();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (ReadModel.Table table : model.tables()) {
            update(digest, "table " + table.name() + "\n");
            long[] count = {0};
            jdbc.query("SELECT * FROM " + table.name() + " ORDER BY " + String.join(", ", table.key()), rs -> {
                update(digest, row(rs));
                count[0]++;
            });
            rows.put(table.name(), count[0]);
        }
        return new Checksum(HexFormat.of().formatHex(digest.digest()), rows);
    }

    private static String row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.append(meta.getColumnLabel(i).toLowerCase()).append('=');
            String value = canonical(rs, i, meta.getColumnType(i));
            if (value == null) {
                row.append('N');
            } else {
                row.append('S').append(value.length()).append(':').append(value);
            }
            row.append(';');
        }
        return row.append('\n').toString();
    }

    private static String canonical(ResultSet rs, int i, int type) throws SQLException {
        if (rs.getObject(i) == null) {
            return null;
        }
        return switch (type) {
            case Types.DATE -> rs.getObject(i, LocalDate.class).toString();
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
                    rs.getObject(i, OffsetDateTime.class).toInstant().toString();
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal d = rs.getBigDecimal(i);
                yield d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            }
            case Types.BOOLEAN, Types.BIT -> Boolean.toString(rs.getBoolean(i));
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Long.toString(rs.getLong(i));
            default -> rs.getString(i);
        };
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
