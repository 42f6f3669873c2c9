package uk.placements.command.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import uk.placements.shared.audit.EventHash;

import javax.annotation.Nonnull;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts each event's {@link EventHash} into its metadata just before the event store appends it (Axon runs event
 * dispatch interceptors on a unit of work's events at prepare-commit, inside the transaction). The previous hash
 * comes from the same unit of work, or else from the aggregate's last stored event.
 */
public class HashChain implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Serializer eventSerializer;
    private final EventStore eventStore;

    public HashChain(Serializer eventSerializer, EventStore eventStore) {
        this.eventSerializer = eventSerializer;
        this.eventStore = eventStore;
    }

    @Nonnull
    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(@Nonnull List<? extends EventMessage<?>> messages) {
        Map<String, String> lastHash = new HashMap<>();
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event) || event.getMetaData().containsKey(EventHash.KEY)) {
                return message;
            }
            String aggregate = event.getAggregateIdentifier();
            String previous = lastHash.containsKey(aggregate) ? lastHash.get(aggregate)
                    : event.getSequenceNumber() == 0 ? EventHash.GENESIS
                    : storedHash(aggregate, event.getSequenceNumber() - 1);
            SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
            String hash = EventHash.of(previous, aggregate, event.getSequenceNumber(), payload.getType().getName(),
                    payload.getType().getRevision(), event.getTimestamp(), event.getMetaData(), payload.getData());
            lastHash.put(aggregate, hash);
            return event.andMetaData(Map.of(EventHash.KEY, hash));
        };
    }

    /** Through Axon's event store API, so the chain works on every storage engine (JDBC or Axon Server). */
    private String storedHash(String aggregate, long sequence) {
        DomainEventStream stored = eventStore.readEvents(aggregate, sequence);
        if (!stored.hasNext()) {
            return EventHash.GENESIS;
        }
        Object hash = stored.next().getMetaData().get(EventHash.KEY);
        return hash == null ? EventHash.GENESIS : hash.toString();
    }
}
