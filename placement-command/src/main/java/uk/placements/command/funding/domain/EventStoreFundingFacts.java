package uk.placements.command.funding.domain;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.funding.TariffState;
import uk.placements.shared.funding.event.TariffEvent;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.provision.ProvisionId;

/** {@link FundingFacts} folded from the event store's streams (through the upcasters, as aggregates read them). */
public class EventStoreFundingFacts implements FundingFacts {

    private final EventStore events;

    public EventStoreFundingFacts(EventStore events) {
        this.events = events;
    }

    @Override
    public PlacementPeriod placement(PlacementId placement) {
        PlacementPeriod period = PlacementPeriod.NONE;
        DomainEventStream stream = events.readEvents(placement.value());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof PlacementEvent e) {
                period = period.evolve(e);
            }
        }
        return period;
    }

    @Override
    public TariffState tariff() {
        TariffState tariff = TariffState.NONE;
        DomainEventStream stream = events.readEvents(FundingStreams.TARIFF);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof TariffEvent e) {
                tariff = tariff.evolve(e);
            }
        }
        return tariff;
    }

    @Override
    public boolean provisionExists(ProvisionId provision) {
        return events.lastSequenceNumberFor(provision.value()).isPresent();
    }
}
