package uk.placements.query.config;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Axon Server as the event store: a new projection's tokens start at the beginning of the event stream without
 * asking the event store where that is. Axon's default asks it ({@code createTailToken}) the first time a processor
 * starts on an empty token store and, should Axon Server be unreachable then, gives up after 30 tries and stops the
 * whole service, which a container runtime would restart in a loop. A null token means the same position (the start
 * of the stream) and needs no connection; the processors then wait for Axon Server like everything else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
public class AxonServerProcessors {

    @Bean
    public ConfigurerModule projectionsStartAtTheBeginningOfTheStream() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder
                        .initialToken(source -> null)));
    }
}
