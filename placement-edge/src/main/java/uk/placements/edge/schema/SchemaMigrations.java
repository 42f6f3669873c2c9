package uk.placements.edge.schema;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
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
        for (SchemaPart part : ordered) {
            for (SchemaPrecondition precondition : preconditions.orderedStream().toList()) {
                precondition.check(part, vendor, dataSource);
            }
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/" + part.name() + "/common", "classpath:db/" + part.name() + "/" + vendor)
                    .table("flyway_" + part.name() + "_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        }
        return new Migrated(ordered.stream().map(SchemaPart::name).toList());
    }

    /** Depend on this bean to run after the schema is in place. */
    public record Migrated(List<String> parts) {
    }
}
