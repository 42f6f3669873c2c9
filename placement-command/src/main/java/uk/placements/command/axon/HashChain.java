package uk.placements.command.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.shared.audit.EventHash;

import javax.annotation.Nonnull;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public HashChain(Serializer eventSerializer, JdbcTemplate jdbc) {
        this.eventSerializer = eventSerializer;
        this.jdbc = jdbc;
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

    private String storedHash(String aggregate, long sequence) {
        List<byte[]> metaData = jdbc.query("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", (rs, i) -> rs.getBytes(1), aggregate, sequence);
        if (metaData.isEmpty()) {
            return EventHash.GENESIS;
        }
        try {
            JsonNode hash = json.readTree(metaData.get(0)).get(EventHash.KEY);
            return hash == null ? EventHash.GENESIS : hash.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("stored metadata is not JSON", e);
        }
    }
}
