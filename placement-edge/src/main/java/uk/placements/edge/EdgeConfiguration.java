package uk.placements.edge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import java.time.Clock;
import java.time.ZoneId;

/** Loads the edge's defaults beneath each service's application.yml, and the one clock of the process. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:placement-edge.properties")
public class EdgeConfiguration {

    /** English authorities work on UK dates: "today" (R-DATE-ORDER, days waiting) is today in London. */
    @Bean
    public Clock clock() {
        return Clock.system(ZoneId.of("Europe/London"));
    }
}
