package uk.placements.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's command line and its percentile arithmetic; the benchmark itself never runs in the test run. */
class BenchOptionsTest {

    @Test
    void theDefaultRunMeasuresTenAndHundredThousandEventsOnBothDatabases() {
        BenchOptions options = BenchOptions.parse();
        assertThat(options.sizes()).containsExactly(10_000L, 100_000L);
        assertThat(options.databases()).containsExactly("h2", "postgres");
        assertThat(options.clients()).isEqualTo(16);
        assertThat(options.provisionEvents()).isEqualTo(20_000);
        assertThat(options.soak()).isZero();
        assertThat(options.fixedAuthority()).isFalse();
    }

    @Test
    void theAuthorityGrowsWithTheEventsUnlessAskedToStayFixed() {
        assertThat(BenchOptions.parse("--authority=fixed").fixedAuthority()).isTrue();
        assertThat(BenchOptions.parse("--authority=growing").fixedAuthority()).isFalse();
        assertThatThrownBy(() -> BenchOptions.parse("--authority=small")).hasMessageContaining("growing or fixed");
    }

    @Test
    void quickShrinksTheRunAndTheMillionEventSizeIsAddedOnRequest() {
        BenchOptions quick = BenchOptions.parse("--quick", "--databases=h2");
        assertThat(quick.sizes()).containsExactly(10_000L);
        assertThat(quick.databases()).containsExactly("h2");
        assertThat(quick.loadTime()).isLessThan(BenchOptions.parse().loadTime());
        assertThat(BenchOptions.parse("--with-1m").sizes()).containsExactly(10_000L, 100_000L, 1_000_000L);
    }

    @Test
    void soakTakesSecondsMinutesOrHours() {
        assertThat(BenchOptions.parse("--soak=10m").soak()).isEqualTo(Duration.ofMinutes(10));
        assertThat(BenchOptions.parse("--soak=90s").soak()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> BenchOptions.parse("--soak=10")).isInstanceOf(IllegalArgumentException.class);
        assertThat(BenchOptions.parse("--soak=1m", "--only-soak").onlySoak()).isTrue();
        assertThatThrownBy(() -> BenchOptions.parse("--only-soak")).hasMessageContaining("--soak");
    }

    @Test
    void anUnknownOptionOrDatabaseIsRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse("--databases=mysql")).hasMessageContaining("mysql");
    }

    @Test
    void percentilesAreTakenFromEveryRecordedLatency() {
        Latencies latencies = new Latencies();
        for (long millis : List.of(5L, 1L, 3L, 2L, 4L, 100L, 6L, 7L, 8L, 9L)) {
            latencies.record(millis * 1_000_000);
        }
        assertThat(latencies.p50()).isEqualTo(5.0);
        assertThat(latencies.p99()).isEqualTo(100.0);
        assertThat(new Latencies().p99()).isNaN();
    }
}
