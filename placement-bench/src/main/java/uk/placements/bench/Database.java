package uk.placements.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A database server the benchmark creates fresh, empty databases on: every measurement (raw baseline and product)
 * of one stage runs against the same database, so their ratio compares like with like.
 */
sealed interface Database extends AutoCloseable {

    String name();

    /** What the figures mean for durability, printed above the table. */
    String durability();

    /** A new, empty database named {@code name}; its JDBC URL. */
    String create(String name);

    String user();

    String password();

    /** The product's own settings for this database (as its profiles set them), given a URL from {@link #create}. */
    Map<String, Object> productProperties(String url);

    default Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    @Override
    default void close() {
    }

    /** {@code keep}: PostgreSQL's data directory is {@code workDir/postgres}, emptied now and kept at the end. */
    static Database named(String name, Path workDir, boolean keep) {
        return name.equals("h2") ? new H2(workDir.resolve("h2"))
                : Postgres.start(keep ? workDir.resolve("postgres").toAbsolutePath() : null);
    }

    /** H2 in a file, with the product's own URL options (WRITE_DELAY=0: each commit is written before the ack). */
    record H2(Path directory) implements Database {

        @Override
        public String name() {
            return "H2 (file)";
        }

        @Override
        public String durability() {
            return "H2 2.3 file database, URL options as the product (WRITE_DELAY=0, AUTO_SERVER=TRUE)";
        }

        @Override
        public String create(String name) {
            Path base = directory.toAbsolutePath().resolve(name);
            try {
                Files.createDirectories(directory);
                try (Stream<Path> old = Files.list(directory)) {
                    old.filter(p -> p.getFileName().toString().startsWith(name + "."))
                            .sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "jdbc:h2:file:" + base + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
        }

        @Override
        public String user() {
            return "sa";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public Map<String, Object> productProperties(String url) {
            return Map.of("spring.datasource.url", url);
        }
    }

    /**
     * zonky's embedded PostgreSQL (the binaries the tests use), in this process's lifetime. It runs with fsync off,
     * so commits cost no disk flush: the raw baseline runs on the same server with the same setting.
     */
    record Postgres(EmbeddedPostgres server) implements Database {

        /** In a temporary data directory, or in {@code kept} (emptied first) left in place when closed. */
        static Postgres start(Path kept) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (kept != null) {
                    if (Files.exists(kept)) {
                        try (Stream<Path> old = Files.walk(kept)) {
                            old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                        }
                    }
                    builder.setDataDirectory(kept).setCleanDataDirectory(false);
                }
                return new Postgres(builder.start());
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public String durability() {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                var version = s.executeQuery("SHOW server_version");
                version.next();
                String v = version.getString(1);
                var fsync = s.executeQuery("SHOW fsync");
                fsync.next();
                return "embedded PostgreSQL " + v + " (zonky), fsync=" + fsync.getString(1)
                        + " for the product and the raw baseline alike (same server)";
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String create(String name) {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + name, e);
            }
            return server.getJdbcUrl("postgres", name);
        }

        @Override
        public String user() {
            return "postgres";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public Map<String, Object> productProperties(String url) {
            return Map.of("spring.profiles.active", "postgres", "PLACEMENTS_DB_URL", url,
                    "PLACEMENTS_DB_USER", "postgres", "PLACEMENTS_DB_PASSWORD", "");
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // its directory is temporary
            }
        }
    }
}
