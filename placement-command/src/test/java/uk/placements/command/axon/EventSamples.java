package uk.placements.command.axon;

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

/**
 * A sample of every stored event, found through the sealed event families, so that an event added later is covered
 * by every test that walks them. Every component holds a non-default value.
 */
public final class EventSamples {

    public static final PlacementId PLACEMENT = new PlacementId("3f2b1c1e-0d4a-4b7e-9a51-6f2e8c0b7d11");

    private EventSamples() {
    }

    /** Every event type of both families. */
    public static Stream<Class<?>> eventTypes() {
        return Stream.of(PlacementEvent.class, ProvisionEvent.class)
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()));
    }

    /** A record with every component set to a sample of its type. */
    @SuppressWarnings("unchecked")
    public static <T> T sample(Class<T> recordType) {
        return (T) build(recordType);
    }

    private static Object build(Class<?> recordType) {
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
