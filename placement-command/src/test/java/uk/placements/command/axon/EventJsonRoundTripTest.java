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
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.common.Upn;
import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.SealedPupil;
import uk.placements.shared.placement.SplitChangeCategory;
import uk.placements.shared.placement.SplitChangeReason;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.provision.HostSchool;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.event.ProvisionEvent;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
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
        return Stream.of(PlacementEvent.class, ProvisionEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()));
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

    private static final PlacementId PLACEMENT = new PlacementId("3f2b1c1e-0d4a-4b7e-9a51-6f2e8c0b7d11");

    /** A record with every component set to a sample of its type. */
    private static Object sample(Class<?> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getGenericType(), recordType.getSimpleName() + "." + components[i].getName());
        }
        try {
            Constructor<?> canonical = recordType.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + recordType.getName(), e);
        }
    }

    private static Object value(Type type, String where) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Set.class) {
            Class<?> element = (Class<?>) parameterized.getActualTypeArguments()[0];
            if (element.isEnum()) {
                Object[] constants = element.getEnumConstants();
                return Set.of(constants[0], constants[constants.length - 1]);
            }
        }
        if (type instanceof Class<?> c) {
            if (c.isEnum()) {
                Object[] constants = c.getEnumConstants();
                return constants[constants.length - 1];
            }
            if (c == int.class) {
                return 7;
            }
            if (c == boolean.class) {
                return true;
            }
            if (c == String.class) {
                return "sample " + where;
            }
            if (c == LocalDate.class) {
                return LocalDate.of(2026, 11, 22);
            }
            if (c == BigDecimal.class) {
                return new BigDecimal("12.50");
            }
            if (c == PlacementId.class) {
                return PLACEMENT;
            }
            if (c == ProvisionId.class) {
                return new ProvisionId("RB-NORTH-01");
            }
            if (c == PupilId.class) {
                return new PupilId("0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d");
            }
            if (c == Upn.class) {
                return new Upn("B801200005001");
            }
            if (c == SchoolUrn.class) {
                return new SchoolUrn("123456");
            }
            if (c == SealedPupil.class) {
                return new SealedPupil("enc:v1:AAAA", "enc:v1:BBBB", "enc:v1:CCCC", "enc:v1:DDDD");
            }
            if (c == OverCapacityDecision.class) {
                return new OverCapacityDecision("named in the EHC plan", "head of SEN");
            }
            if (c == HostSchool.class) {
                return new HostSchool(new SchoolUrn("123456"), "Northgate Primary");
            }
            if (c == SplitChangeReason.class) {
                return new SplitChangeReason(SplitChangeCategory.WELLBEING, "tired by the afternoon");
            }
        }
        throw new IllegalStateException("no sample for " + type.getTypeName() + " (" + where + "): add one here");
    }
}
