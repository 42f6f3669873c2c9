package uk.placements.shared.placement.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import uk.placements.shared.placement.SplitChangeCategory;
import uk.placements.shared.placement.SplitChangeReason;
import uk.placements.shared.placement.event.TimeSplitChanged;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored revision-1 TimeSplitChanged (a JSON fixture) reads as revision 2 with its reason categorised. */
class TimeSplitChangedUpcasterTest {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
    private final TimeSplitChangedUpcaster upcaster = new TimeSplitChangedUpcaster();

    @Test
    void revisionOneFixtureUpcastsToRevisionTwoWithAnUnspecifiedCategory() throws IOException {
        List<IntermediateEventRepresentation> upcast = upcast(fixture(), "1");

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        TimeSplitChanged event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event.reason()).isEqualTo(new SplitChangeReason(SplitChangeCategory.UNSPECIFIED,
                "struggling with large classes after the move"));
        assertThat(event.previousPercent()).isEqualTo(60);
        assertThat(event.mainstreamPercent()).isEqualTo(40);
        assertThat(event.effectiveFrom()).isEqualTo(LocalDate.of(2025, 1, 13));
        assertThat(event.belowIntegrationBand()).isTrue();
        assertThat(event.provisionId().value()).isEqualTo("RB-NORTH-1");
    }

    @Test
    void revisionOneWithoutAReasonStaysWithoutOne() throws IOException {
        byte[] noReason = new String(fixture()).replace("\"struggling with large classes after the move\"", "null")
                .getBytes();
        TimeSplitChanged event = serializer.deserialize(upcast(noReason, "1").get(0).getData());
        assertThat(event.reason()).isNull();
    }

    @Test
    void revisionTwoPassesUnchanged() {
        TimeSplitChanged current = new TimeSplitChanged(null, null, 50, 70, LocalDate.of(2026, 1, 5),
                new SplitChangeReason(SplitChangeCategory.TRANSITION, "ready for more"), false);
        byte[] stored = serializer.serialize(current, byte[].class).getData();

        List<IntermediateEventRepresentation> upcast = upcast(stored, "2");

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        assertThat((TimeSplitChanged) serializer.deserialize(upcast.get(0).getData())).isEqualTo(current);
    }

    private List<IntermediateEventRepresentation> upcast(byte[] payload, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Placement",
                "5f0c9a52-7f0e-4d7b-9a44-2f7c1d0b9e11", 3, "event-1", Instant.parse("2025-01-13T09:00:00Z"),
                TimeSplitChanged.class.getName(), revision, payload, "{}".getBytes());
        return upcaster.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = TimeSplitChangedUpcasterTest.class.getResourceAsStream("/events/time-split-changed-r1.json")) {
            return in.readAllBytes();
        }
    }
}
