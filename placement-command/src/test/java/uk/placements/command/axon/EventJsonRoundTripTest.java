package uk.placements.command.axon;

import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import uk.placements.edge.axon.AxonSerialization;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.provision.event.ProvisionEvent;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stored event survives the event store's serializer: found through the sealed event families, so an event
 * added later is covered without touching this test. Samples fill every component with a non-default value, so a
 * field Jackson silently drops shows up as an inequality.
 */
class EventJsonRoundTripTest {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(AxonSerialization.axonObjectMapper()).build();

    static Stream<Class<?>> eventTypes() {
        return EventSamples.eventTypes();
    }

    @Test
    @DisplayName("both event families are sealed and list their events")
    void eventFamiliesAreSealed() {
        assertThat(PlacementEvent.class.isSealed()).isTrue();
        assertThat(ProvisionEvent.class.isSealed()).isTrue();
        assertThat(eventTypes()).hasSizeGreaterThanOrEqualTo(15).allMatch(Class::isRecord);
    }

    @ParameterizedTest(name = "{0} round-trips through the event serializer")
    @MethodSource("eventTypes")
    void everyEventRoundTripsThroughJson(Class<?> eventType) {
        Object sample = sample(eventType);

        SerializedObject<String> stored = serializer.serialize(sample, String.class);
        Object read = serializer.deserialize(stored);

        assertThat(stored.getType().getName()).isEqualTo(eventType.getName());
        assertThat(stored.getType().getRevision()).isEqualTo(eventType.getAnnotation(Revision.class).value());
        assertThat(read).isInstanceOf(eventType).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0} carries @Revision")
    @MethodSource("eventTypes")
    void everyEventCarriesARevision(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        assertThat(revision).as(eventType.getSimpleName() + " needs @Revision for upcasters").isNotNull();
        assertThat(revision.value()).isNotBlank();
    }

    @Test
    @DisplayName("the stored JSON writes dates as ISO strings and ids as plain values")
    void storedJsonIsReadable() {
        Object sample = sample(eventTypes().filter(t -> t.getSimpleName().equals("PlaceOffered")).findFirst()
                .orElseThrow());
        String json = serializer.serialize(sample, String.class).getData();
        assertThat(json).contains("\"offeredOn\":\"2026-11-22\"")
                .contains("\"placementId\":\"" + PLACEMENT.value() + "\"")
                .contains("\"provisionId\":\"RB-NORTH-01\"");
    }

    private static final PlacementId PLACEMENT = EventSamples.PLACEMENT;

    private static Object sample(Class<?> recordType) {
        return EventSamples.sample(recordType);
    }
}
