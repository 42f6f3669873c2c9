package uk.placements.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's latencies: exact percentiles, and the samples a GC pause overlapped kept apart as context. */
class LatenciesTest {

    @Test
    void theP99IsOverEverySampleAndThePausedOnesAreCountedApart() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 19; i++) {
            latencies.record(i * 1_000_000L, false);
        }
        latencies.record(80_000_000L, true);

        assertThat(latencies.count()).isEqualTo(20);
        assertThat(latencies.p99()).isEqualTo(80.0);
        assertThat(latencies.overlappedPause()).isEqualTo(1);
        assertThat(latencies.p99WithoutPauses()).isEqualTo(19.0);
    }

    @Test
    void samplesRecordedWithoutBeingToldOfPausesHaveNoFigureWithoutThem() {
        Latencies latencies = new Latencies();
        latencies.record(3_000_000L);

        assertThat(latencies.overlappedPause()).isZero();
        assertThat(latencies.p99WithoutPauses()).isNaN();
    }

    @Test
    void theSlowestSamplesAreNamedByTheirPlaceInTheOrderTaken() {
        Latencies latencies = new Latencies();
        long[] taken = {70_000_000L, 2_000_000L, 3_000_000L, 45_000_000L, 1_000_000L};
        for (long nanos : taken) {
            latencies.record(nanos);
        }

        assertThat(latencies.slowest(3)).isEqualTo("#1 70.0 ms, #4 45.0 ms, #3 3.00 ms (of 5)");
        assertThat(new Latencies().slowest(3)).isEqualTo(" (of 0)");
    }
}
