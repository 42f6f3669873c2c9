package uk.placements.command.funding;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.placements.command.funding.domain.EventStoreFundingFacts;
import uk.placements.command.funding.domain.FundingFacts;

/** The look-ups the money aggregates are handed. */
@Configuration(proxyBeanMethods = false)
public class FundingConfiguration {

    @Bean
    public FundingFacts fundingFacts(EventStore eventStore) {
        return new EventStoreFundingFacts(eventStore);
    }
}
