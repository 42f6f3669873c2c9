package uk.placements.edge.h2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * On PostgreSQL the server decides durability, not the product: with its defaults ({@code fsync=on}, {@code
 * synchronous_commit=on}) a commit is flushed to the write-ahead log before it is acknowledged. The {@code
 * postgres} profile changes neither. A server set otherwise is not refused (test and benchmark servers turn fsync
 * off on purpose) but said plainly at start, once, at WARN, so an operator does not run it unknowingly.
 */
public final class PostgresDurability {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDurability.class);

    private PostgresDurability() {
    }

    /** The server settings that let an acknowledged commit be lost, such as {@code fsync=off}; empty if none. */
    public static List<String> weaknesses(DataSource dataSource) throws SQLException {
        List<String> weak = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return weak;
            }
            for (String setting : List.of("fsync", "synchronous_commit")) {
                try (ResultSet value = statement.executeQuery("SHOW " + setting)) {
                    value.next();
                    String shown = value.getString(1);
                    if (shown.equals("off")) {
                        weak.add(setting + "=" + shown);
                    }
                }
            }
        }
        return weak;
    }

    /** Logs the weaknesses, if any, as one warning. */
    static void warnIfWeak(DataSource dataSource) throws SQLException {
        List<String> weak = weaknesses(dataSource);
        if (!weak.isEmpty()) {
            LOG.warn("PostgreSQL runs with {}: a crash of the server or its machine can lose commands that were "
                    + "acknowledged; production servers keep fsync and synchronous_commit on", String.join(", ", weak));
        }
    }
}
