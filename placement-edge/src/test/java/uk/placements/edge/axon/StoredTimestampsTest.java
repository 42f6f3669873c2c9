package uk.placements.edge.axon;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast reading of stored timestamps answers exactly what Axon's parser answers, for every value. */
class StoredTimestampsTest {

    @Test
    void everyTimestampAxonWritesReadsBackAsAxonReadsIt() {
        Random random = new Random(20261206);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000)).truncatedTo(ChronoUnit.MILLIS);
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(instant);
        }
        for (String edge : new String[] {"2024-02-29T23:59:59.999Z", "2026-12-31T23:59:59.000Z",
                "2000-01-01T00:00:00.000Z", "1970-01-01T00:00:00.001Z"}) {
            assertThat(StoredTimestamps.parse(edge)).as(edge).isEqualTo(DateTimeUtils.parseInstant(edge));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06T04:02:57.123+01:00", "2026-12-06T04:02:57Z", "2026-12-06T04:02:57.123456Z",
            "2026-12-06t04:02:57.123z", "+10000-01-01T00:00:00.000Z"})
    void anotherShapeIsReadByAxonsParser(String other) {
        assertThat(StoredTimestamps.parse(other)).isEqualTo(DateTimeUtils.parseInstant(other));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T04:02:57.123Z", "2026-12-06T24:00:00.000Z", "2026-13-06T04:02:57.123Z",
            "2026-12-06T04:02:5x.123Z", "2026-12-06 04:02:57.123Z", "2026-12-06T04:02:57,123Z", ""})
    void aValueAxonRefusesIsRefusedAlike(String wrong) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(wrong)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse(wrong)).isInstanceOf(DateTimeParseException.class);
    }
}
