package uk.placements.edge;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Loads the edge's defaults beneath each service's application.yml. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:placement-edge.properties")
public class EdgeConfiguration {
}
