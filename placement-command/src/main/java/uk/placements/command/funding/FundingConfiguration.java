package uk.placements.command.funding;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.placements.command.funding.domain.EventStoreFundingFacts;
import uk.placements.command.funding.domain.FundingFacts;
import uk.placements.command.funding.domain.EventStorePlaceChangeFacts;
import uk.placements.command.funding.domain.PlaceChangeFacts;

/** The look-ups the money aggregates are handed. */
@Configuration(proxyBeanMethods = false)
public class FundingConfiguration {

    @Bean
    public FundingFacts fundingFacts(EventStore eventStore) {
        return new EventStoreFundingFacts(eventStore);
    }

    @Bean
    public PlaceChangeFacts placeChangeFacts(EventStore eventStore) {
        return new EventStorePlaceChangeFacts(eventStore);
    }
}
