package uk.placements.edge.axon;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored events' mapper ({@link AxonSerialization#axonObjectMapper()}) reads dates exactly as Jackson's own
 * {@code LocalDate} deserializer does: the same date for every date it writes, and the same answer or the same kind
 * of failure for every other shape.
 */
class IsoLocalDatesTest {

    record Event(String id, LocalDate on, LocalDate endedOn) {
    }

    record Formatted(@JsonFormat(pattern = "dd/MM/yyyy") LocalDate on) {
    }

    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper OURS = AxonSerialization.axonObjectMapper();

    @Test
    void everyDateWrittenReadsBackAsJacksonReadsIt() throws Exception {
        Random random = new Random(11);
        long first = LocalDate.of(1, 1, 1).toEpochDay();
        long last = LocalDate.of(9999, 12, 31).toEpochDay();
        for (int i = 0; i < 100_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(first + (long) (random.nextDouble() * (last - first)));
            String json = JACKSON.writeValueAsString(new Event("e" + i, date, i % 3 == 0 ? null : date.plusDays(i)));
            assertThat(OURS.readValue(json, Event.class)).isEqualTo(JACKSON.readValue(json, Event.class))
                    .extracting(Event::on).isEqualTo(date);
        }
    }

    @Test
    void everyOtherShapeGetsJacksonsAnswerOrJacksonsFailure() {
        List<String> values = List.of("\"2024-02-29\"", "\"2023-02-29\"", "\"2026-13-01\"", "\"2026-00-10\"",
                "\"2026-04-31\"", "\"2026-04-00\"", "\"2026-4-1\"", "\"2026/04/01\"", "\"20260401\"",
                "\"+12026-04-01\"", "\"-0001-04-01\"", "\"0000-01-01\"", "\"2026-04-01T10:00:00\"",
                "\"2026-04-01Z\"", "\" 2026-04-01\"", "\"2026-04-0x\"", "\"２０２６-04-01\"", "\"\"", "null",
                "[2026,4,1]", "[2026,2,30]", "20000", "\"abcdefghij\"", "true", "{}");
        for (String value : values) {
            String json = "{\"id\":\"x\",\"on\":" + value + "}";
            assertThat(outcome(OURS, json, Event.class)).as(value).isEqualTo(outcome(JACKSON, json, Event.class));
        }
    }

    @Test
    void aPropertyWithAFormatOfItsOwnIsReadByJackson() {
        for (String value : List.of("\"01/04/2026\"", "\"2026-04-01\"")) {
            String json = "{\"on\":" + value + "}";
            assertThat(outcome(OURS, json, Formatted.class)).as(value)
                    .isEqualTo(outcome(JACKSON, json, Formatted.class));
        }
        assertThat(outcome(OURS, "{\"on\":\"01/04/2026\"}", Formatted.class))
                .isEqualTo(Objects.toString(new Formatted(LocalDate.of(2026, 4, 1))));
    }

    @Test
    void theStoredEventsMapperReadsDatesWithIt() throws Exception {
        DeserializationContext context = ((DefaultDeserializationContext) OURS.getDeserializationContext())
                .createInstance(OURS.getDeserializationConfig(), null, null);
        assertThat(context.findRootValueDeserializer(OURS.constructType(LocalDate.class)))
                .isInstanceOf(IsoLocalDates.class);
    }

    @Test
    void theParserAcceptsOnlyDatesThatExist() {
        assertThat(IsoLocalDates.parse("x2028-02-29".toCharArray(), 1)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(IsoLocalDates.parse("2100-02-29".toCharArray(), 0)).isNull();
        assertThat(IsoLocalDates.parse("2000-02-29".toCharArray(), 0)).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(IsoLocalDates.parse("2026-12-31".toCharArray(), 0)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(IsoLocalDates.parse("2026-11-31".toCharArray(), 0)).isNull();
    }

    /** What reading gives: the value's text, or the kind of failure. */
    private static String outcome(ObjectMapper mapper, String json, Class<?> type) {
        try {
            return Objects.toString(mapper.readValue(json, type));
        } catch (Exception e) {
            return "fails with " + e.getClass().getName();
        }
    }
}
