package uk.placements.edge.h2;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Durability of the database: an embedded H2 file is durable whatever its URL, compacted while it runs and forced
 * to disk every second; a PostgreSQL server that would lose acknowledged commits is named at start.
 */
@Configuration(proxyBeanMethods = false)
public class H2Configuration {

    @Bean
    public static DurableH2DataSources durableH2DataSources() {
        return new DurableH2DataSources();
    }

    @Bean
    public H2Housekeeping h2Housekeeping(DataSource dataSource,
                                         @Value("${placements.h2.housekeeping-interval:"
                                                 + H2Housekeeping.Settings.INTERVAL + "}") Duration interval,
                                         @Value("${placements.h2.compact-fill-rate:"
                                                 + H2Housekeeping.Settings.FILL_RATE + "}") int fillRate,
                                         @Value("${placements.h2.compact-bytes:"
                                                 + H2Housekeeping.Settings.REWRITE_BYTES + "}") int bytes,
                                         @Value("${placements.h2.sync-interval:"
                                                 + H2Housekeeping.Settings.SYNC_INTERVAL + "}") Duration syncInterval,
                                         ObjectProvider<MeterRegistry> meters) throws SQLException {
        PostgresDurability.warnIfWeak(dataSource);
        return new H2Housekeeping(dataSource, new H2Housekeeping.Settings(interval, fillRate, bytes,
                syncInterval), meters.getIfAvailable());
    }
}
