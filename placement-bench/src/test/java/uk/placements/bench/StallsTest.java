package uk.placements.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The stall meter: a late wake-up of at least 10 ms is a stall, and a span overlaps it or not. */
class StallsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void aWakeUpLateByTheThresholdIsAStallAndOnlySpansMeetingItOverlapIt() {
        Stalls stalls = Stalls.fedBy(() -> 0);
        stalls.wokeUp(100 * MS, 101 * MS + 9 * MS); // 9 ms late: not a stall
        stalls.wokeUp(200 * MS, 201 * MS + 10 * MS); // 10 ms late: stalled from 201 to 211 ms
        stalls.wokeUp(300 * MS, 301 * MS + 40 * MS); // stalled from 301 to 341 ms

        assertThat(stalls.overlapped(100 * MS, 115 * MS)).as("during the late wake-up under 10 ms").isFalse();
        assertThat(stalls.overlapped(195 * MS, 202 * MS)).as("into the first stall").isTrue();
        assertThat(stalls.overlapped(205 * MS, 206 * MS)).as("within it").isTrue();
        assertThat(stalls.overlapped(211 * MS, 300 * MS)).as("between the stalls").isFalse();
        assertThat(stalls.overlapped(150 * MS, 201 * MS)).as("ending as it begins").isFalse();
        assertThat(stalls.overlapped(340 * MS, 400 * MS)).as("out of the second").isTrue();
        assertThat(stalls.overlapped(0, 1000 * MS)).as("over both").isTrue();
        assertThat(stalls.overlapped(342 * MS, 400 * MS)).as("after both").isFalse();
    }

    @Test
    void theRunningMeterNotesAStallWhereItsClockJumps() throws InterruptedException {
        // the meter's clock: a millisecond per reading, as if it woke up on time, but 50 ms late at the 5th
        AtomicLong readings = new AtomicLong();
        Stalls stalls = Stalls.start(() -> {
            long n = readings.incrementAndGet();
            return n * MS + (n >= 5 ? 50 * MS : 0);
        });
        try (stalls) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (readings.get() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        assertThat(readings.get()).isGreaterThanOrEqualTo(10);
        // asleep from reading 4 (4 ms) to reading 5 (55 ms): stalled from 5 to 55 ms
        assertThat(stalls.overlapped(0, 5 * MS)).isFalse();
        assertThat(stalls.overlapped(5 * MS, 6 * MS)).isTrue();
        assertThat(stalls.overlapped(54 * MS, 60 * MS)).isTrue();
        assertThat(stalls.overlapped(55 * MS, 200 * MS)).isFalse();
    }
}
