package uk.placements.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import uk.placements.edge.web.NotFound;
import uk.placements.shared.audit.EventHash;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.provision.ProvisionState;
import uk.placements.shared.provision.event.ProvisionEvent;
import uk.placements.shared.pupil.PupilVault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Auditors' reading of the event store: every event with who and when, the state "as known on" an instant folded
 * by the very functions the aggregates use ({@link PlacementState#evolve}, {@link ProvisionState#evolve}), and the
 * hash chain recomputed from the stored bytes.
 */
@Component
public class AuditTrail {

    public static final String PLACEMENT = "Placement";
    public static final String PROVISION = "Provision";

    private final EventStoreReader store;
    private final Serializer serializer;
    private final PupilVault vault;
    private final ObjectMapper json;
    private final EventUpcaster upcasters;

    public AuditTrail(EventStoreReader store, @Qualifier("eventSerializer") Serializer serializer, PupilVault vault,
                      ObjectMapper json, org.axonframework.config.Configuration axon) {
        this.store = store;
        this.serializer = serializer;
        this.vault = vault;
        this.json = json;
        this.upcasters = axon.upcasterChain();
    }

    public List<AuditViews.AuditEvent> history(String type, String id) {
        List<StoredEvent> stored = existing(type, id);
        List<AuditViews.AuditEvent> events = new ArrayList<>();
        PupilId pupil = null;
        for (StoredEvent event : stored) {
            Object payload = deserialize(event);
            if (payload instanceof uk.placements.shared.placement.event.PupilReferred referred) {
                pupil = referred.pupilId();
            }
            Map<String, Object> metaData = metaData(event);
            JsonNode tree = json.valueToTree(payload);
            if (pupil != null) {
                open(tree, vault.opener(pupil));
            }
            events.add(new AuditViews.AuditEvent(event.sequence(), simpleName(event.payloadType()), event.revision(),
                    event.recordedAt(), businessDate(payload), (String) metaData.get("userId"),
                    (String) metaData.get("correlationId"), tree));
        }
        return events;
    }

    public AuditViews.StateAsOf stateAsOf(String type, String id, Instant asOf) {
        List<StoredEvent> known = existing(type, id).stream().filter(e -> !e.recordedAt().isAfter(asOf)).toList();
        if (known.isEmpty()) {
            throw new NotFound(type.toLowerCase() + " known on " + asOf, id);
        }
        Object state = PLACEMENT.equals(type)
                ? PlacementState.fold(known.stream().map(e -> (PlacementEvent) deserialize(e)).toList())
                : ProvisionState.fold(known.stream().map(e -> (ProvisionEvent) deserialize(e)).toList());
        return new AuditViews.StateAsOf(id, asOf, known.size(), known.get(known.size() - 1).recordedAt(), state);
    }

    public AuditViews.Verification verify(String type, String id) {
        List<StoredEvent> stored = existing(type, id);
        String previous = EventHash.GENESIS;
        for (StoredEvent event : stored) {
            Map<String, Object> metaData;
            try {
                metaData = metaData(event);
            } catch (UncheckedIOException unreadable) {
                return new AuditViews.Verification(false, stored.size(), event.sequence());
            }
            String expected = EventHash.of(previous, event.aggregateId(), event.sequence(), event.payloadType(),
                    event.revision(), event.recordedAt(), metaData, event.payload());
            if (!Objects.equals(expected, metaData.get(EventHash.KEY))) {
                return new AuditViews.Verification(false, stored.size(), event.sequence());
            }
            previous = expected;
        }
        return new AuditViews.Verification(true, stored.size(), null);
    }

    private List<StoredEvent> existing(String type, String id) {
        List<StoredEvent> stored = store.events(id, type);
        if (stored.isEmpty()) {
            throw new NotFound(type.toLowerCase(), id);
        }
        return stored;
    }

    /** Through the same upcaster chain as aggregates and processors: old revisions read as today's events. */
    private Object deserialize(StoredEvent event) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(null, event.aggregateId(),
                event.sequence(), event.eventId(), event.recordedAt(), event.payloadType(), event.revision(),
                event.payload(), event.metaData());
        return upcasters.upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .map(upcast -> serializer.deserialize(upcast.getData()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("an upcaster dropped event " + event.sequence()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metaData(StoredEvent event) {
        try {
            return json.readValue(event.metaData(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored metadata is not JSON", e);
        }
    }

    /** Sealed personal data opens for the auditor, or reads "[erased]" once the pupil's key is gone. */
    private void open(JsonNode node, UnaryOperator<String> opener) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> sealed = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && field.getValue().asText().startsWith(PupilVault.PREFIX)) {
                    sealed.add(field);
                } else {
                    open(field.getValue(), opener);
                }
            }
            sealed.forEach(f -> object.set(f.getKey(), TextNode.valueOf(opener.apply(f.getValue().asText()))));
        }
    }

    private static java.time.LocalDate businessDate(Object payload) {
        if (payload instanceof PlacementEvent e) {
            return PlacementState.businessDate(e);
        }
        return ProvisionState.businessDate((ProvisionEvent) payload);
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
