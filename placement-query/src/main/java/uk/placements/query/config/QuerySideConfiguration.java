package uk.placements.query.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import uk.placements.edge.schema.SchemaPart;

/** The read side's defaults (processors, segments, batch sizes) and its share of the schema. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:placement-query.properties")
public class QuerySideConfiguration {

    @Bean
    public SchemaPart querySchema() {
        return new SchemaPart("query", 2);
    }
}
