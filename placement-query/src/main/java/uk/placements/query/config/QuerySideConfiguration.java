package uk.placements.query.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The read side's defaults: processors, segments and batch sizes. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:placement-query.properties")
public class QuerySideConfiguration {
}
