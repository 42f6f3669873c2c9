package uk.placements.command.funding.domain;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.event.ProvisionEvent;

/**
 * {@link PlaceChangeFacts} folded from the provision's whole stream in the event store (through the upcasters),
 * ignoring its snapshots: the places fold is not the aggregate's, so a snapshot of the aggregate cannot start it.
 */
public class EventStorePlaceChangeFacts implements PlaceChangeFacts {

    private final EventStore events;

    public EventStorePlaceChangeFacts(EventStore events) {
        this.events = events;
    }

    @Override
    public ProvisionPlaces provision(ProvisionId provision) {
        ProvisionPlaces places = ProvisionPlaces.NONE;
        // from the first event, not the latest snapshot: a provision is snapshotted every few hundred events
        // (ProvisionSnapshots), and a stream that starts at its snapshot has no ProvisionCommissioned to fold, so a
        // provision with a long history read as one that does not exist
        DomainEventStream stream = events.readEvents(provision.value(), 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof ProvisionEvent e) {
                places = places.evolve(e);
            }
        }
        return places;
    }
}
