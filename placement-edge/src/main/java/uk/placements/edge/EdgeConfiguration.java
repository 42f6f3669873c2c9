package uk.placements.edge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** The one clock of the process (the edge's defaults are loaded by {@link ModuleDefaults}). */
@Configuration(proxyBeanMethods = false)
public class EdgeConfiguration {

    /** English authorities work on UK dates: "today" (R-DATE-ORDER, days waiting) is today in London. */
    @Bean
    public Clock clock() {
        return Clock.system(ZoneId.of("Europe/London"));
    }
}
