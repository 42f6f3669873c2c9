package uk.placements.edge.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;

/**
 * Migrates every {@link SchemaPart} of this process in order (the shared event store first) while the context
 * starts, before any event processor or request can touch a table. A part's SQL that every database understands
 * lives in {@code db/<part>/common}; what differs (binary types, identity columns, roles) in {@code db/<part>/<vendor>}.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaMigrations {

    /** The event store, token store and pupil keys: every service needs them. */
    @Bean
    public SchemaPart eventStoreSchema() {
        return new SchemaPart("eventstore", 0);
    }

    @Bean
    public Migrated schemaMigrated(DataSource dataSource, List<SchemaPart> parts,
                                   ObjectProvider<SchemaPrecondition> preconditions)
            throws MetaDataAccessException, SQLException {
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
        String vendor = DatabaseDriver.fromJdbcUrl(url).getId();
        List<SchemaPart> ordered = parts.stream().sorted(Comparator.comparingInt(SchemaPart::order)).toList();
        try (MigrationLock lock = MigrationLock.take(dataSource, vendor)) {
            for (SchemaPart part : ordered) {
                for (SchemaPrecondition precondition : preconditions.orderedStream().toList()) {
                    precondition.check(part, vendor, dataSource);
                }
                flyway(dataSource, part.name(), vendor).load().migrate();
            }
        }
        return new Migrated(ordered.stream().map(SchemaPart::name).toList());
    }

    /**
     * How a part named {@code part} is migrated on a database of {@code vendor} ({@link DatabaseDriver#getId}): its
     * common and vendor scripts, its own history table. An upgrade test configures it the same way, with a target.
     */
    public static FluentConfiguration flyway(DataSource dataSource, String part, String vendor) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + part + "/common", "classpath:db/" + part + "/" + vendor)
                .table("flyway_" + part + "_history")
                .baselineOnMigrate(true)
                .baselineVersion("0");
    }

    /**
     * On PostgreSQL, one service migrates at a time: services started together on an empty database raced in Flyway's
     * own start ("Unable to baseline schema history table ... as it already exists, and is empty": one created the
     * history table while another decided to baseline it; FirstStartTogetherOnPostgresTest, in CI). A session-level
     * advisory lock held on a connection of its own for the whole migration serialises them; the second finds the
     * schema in place. Elsewhere (H2, one process) there is nothing to serialise.
     */
    static final class MigrationLock implements AutoCloseable {
        /** An arbitrary key, the same in every service of this product. */
        private static final long KEY = 0x706c6163656d6e74L;
        private final Connection connection;

        private MigrationLock(Connection connection) {
            this.connection = connection;
        }

        static MigrationLock take(DataSource dataSource, String vendor) throws SQLException {
            if (!"postgresql".equals(vendor)) {
                return new MigrationLock(null);
            }
            Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new MigrationLock(connection);
        }

        @Override
        public void close() throws SQLException {
            if (connection == null) {
                return;
            }
            try (connection; Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            }
        }
    }

    /** Depend on this bean to run after the schema is in place. */
    public record Migrated(List<String> parts) {
    }
}
