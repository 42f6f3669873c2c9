package uk.placements.command.funding.domain;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.event.ProvisionEvent;

/** {@link PlaceChangeFacts} folded from the provision's stream in the event store (through the upcasters). */
public class EventStorePlaceChangeFacts implements PlaceChangeFacts {

    private final EventStore events;

    public EventStorePlaceChangeFacts(EventStore events) {
        this.events = events;
    }

    @Override
    public ProvisionPlaces provision(ProvisionId provision) {
        ProvisionPlaces places = ProvisionPlaces.NONE;
        DomainEventStream stream = events.readEvents(provision.value());
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ProvisionEvent e) {
                places = places.evolve(e);
            }
        }
        return places;
    }
}
