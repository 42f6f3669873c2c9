package uk.placements.command.funding.domain;

import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.placements.edge.axon.AxonSerialization;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.PlaceChangeReason;
import uk.placements.shared.funding.TopUpBasis;
import uk.placements.shared.funding.event.BandValueSet;
import uk.placements.shared.funding.event.FundingEvent;
import uk.placements.shared.funding.event.PlaceChangeEvent;
import uk.placements.shared.funding.event.PlaceChangeRecorded;
import uk.placements.shared.funding.event.PlaceRateSet;
import uk.placements.shared.funding.event.ProvisionTopUpRateSet;
import uk.placements.shared.funding.event.TariffEvent;
import uk.placements.shared.funding.event.TopUpAssigned;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The money events through the event serializer: every one of both families, revisioned, read back equal. */
class FundingEventJsonTest {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(AxonSerialization.axonObjectMapper()).build();

    private static final List<Object> SAMPLES = List.of(
            new PlaceRateSet(ProvisionType.SEN_UNIT, AcademicYear.parse("2025-26"), new BigDecimal("6000.00"),
                    new BigDecimal("5800.00"), "DfE rate"),
            new BandValueSet(new BandCode("BAND-3"), FinancialYear.parse("2026-27"), new BigDecimal("4500.00"),
                    null, null),
            new ProvisionTopUpRateSet(new ProvisionId("RB-NORTH-01"), FinancialYear.parse("2025-26"),
                    new BigDecimal("4000.50"), null, null),
            new TopUpAssigned(new PlacementId("3f2b1c1e-0d4a-4b7e-9a51-6f2e8c0b7d11"),
                    new ProvisionId("RB-NORTH-01"), TopUpBasis.BAND, new BandCode("BAND-2"),
                    LocalDate.of(2025, 10, 1), new BigDecimal("3100.00"), true, TopUpBasis.PROVISION_RATE, null,
                    "annual review"),
            new PlaceChangeRecorded(new ProvisionId("RB-NORTH-01"), AcademicYear.parse("2027-28"), 12, 16, false,
                    PlaceChangeReason.INCREASED_DEMAND, "waiting list", true, 14, PlaceChangeReason.EXPANSION,
                    "capital bid approved"));

    @Test
    @DisplayName("the samples cover every event of the money families")
    void samplesCoverBothFamilies() {
        List<Class<?>> types = Stream.of(TariffEvent.class, FundingEvent.class, PlaceChangeEvent.class)
                .flatMap(family -> Stream.of(family.getPermittedSubclasses())).toList();
        assertThat(SAMPLES).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(types);
    }

    @Test
    @DisplayName("every money event round-trips through the event serializer with its revision, years as 2025-26")
    void everyEventRoundTrips() {
        for (Object sample : SAMPLES) {
            SerializedObject<String> stored = serializer.serialize(sample, String.class);
            assertThat(stored.getType().getRevision()).isEqualTo(sample.getClass().getAnnotation(Revision.class).value());
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(sample);
        }
        String json = serializer.serialize(SAMPLES.get(0), String.class).getData();
        assertThat(json).contains("\"academicYear\":\"2025-26\"").contains("\"perPlace\":6000.00");
    }

    @Test
    @DisplayName("a sum read back through a JSON tree, as the upcaster chain reads events, keeps its pence")
    void sumsKeepTheirPenceThroughAJsonTree() {
        BandValueSet event = new BandValueSet(new BandCode("BAND-1"), FinancialYear.parse("2026-27"),
                new BigDecimal("3100.00"), null, null);
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        SerializedObject<com.fasterxml.jackson.databind.JsonNode> tree = serializer.getConverter().convert(stored,
                com.fasterxml.jackson.databind.JsonNode.class);

        BandValueSet read = serializer.deserialize(tree);

        assertThat(read.annualValue()).isEqualTo(new BigDecimal("3100.00"));
        assertThat(read.annualValue().toPlainString()).isEqualTo("3100.00");
    }
}
