package uk.placements.app.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.placements.app.PlacementsApplication;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile loads a whole authority through the real command handlers, once. */
@SpringBootTest(classes = PlacementsApplication.class,
        properties = "spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1")
@ActiveProfiles("demo")
class DemoDataLoaderTest {

    @TempDir
    static Path keys;

    @DynamicPropertySource
    static void masterKeyFile(DynamicPropertyRegistry registry) {
        registry.add("placements.crypto.master-key-file", () -> keys.resolve("master.key").toString());
    }

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DemoDataLoader loader;

    @Test
    void loadsAnAuthorityWithEveryProvisionKindAndEveryLifecycleStep() {
        assertThat(count("ProvisionCommissioned")).isGreaterThanOrEqualTo(30);
        assertThat(payloads("ProvisionCommissioned"))
                .anyMatch(p -> p.contains("\"type\":\"RESOURCE_BASE\""))
                .anyMatch(p -> p.contains("\"type\":\"SEN_UNIT\""))
                .anyMatch(p -> p.contains("\"phase\":\"PRIMARY\""))
                .anyMatch(p -> p.contains("\"phase\":\"SECONDARY\""))
                .anyMatch(p -> p.contains("\"phase\":\"ALL_THROUGH\""));
        assertThat(count("PupilReferred")).isGreaterThanOrEqualTo(500);
        for (String step : List.of("StaffingRecorded", "CommissionedPlacesChanged", "ProvisionClosed",
                "PlaceOffered", "OfferDeclined", "OfferWithdrawn", "PupilAdmitted", "TimeSplitChanged",
                "MovedToMainstream", "PlacementEnded", "ReferralWithdrawn", "PlaceReserved", "PlaceReleased")) {
            assertThat(count(step)).as(step).isPositive();
        }
        assertThat(payloads("PlaceReserved")).anyMatch(p -> p.contains("\"overCapacityDecision\":{"));
        assertThat(payloads("PlaceOffered")).anyMatch(p -> p.contains("\"outsideDesignatedNeed\":true"));
        assertThat(payloads("TimeSplitChanged"))
                .anyMatch(DemoDataLoaderTest::increase)
                .anyMatch(p -> !increase(p));
        // the bytes read in Java: CAST(bytea AS VARCHAR) gives text on H2, hex on PostgreSQL
        assertThat(jdbc.query("SELECT metaData FROM DomainEventEntry",
                        (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)))
                .allMatch(m -> m.contains("\"userId\":\"" + DemoDataLoader.USER + "\"") && m.contains("correlationId"));
    }

    @Test
    void loadsATariffBandsForMostAdmissionsWithAFewChangesAndPlaceChangeReturns() {
        assertThat(payloads("PlaceRateSet"))
                .anyMatch(p -> p.contains("\"type\":\"RESOURCE_BASE\"") && p.contains("\"perPlace\":6000.00"))
                .anyMatch(p -> p.contains("\"type\":\"SEN_UNIT\""));
        assertThat(payloads("BandValueSet"))
                .anyMatch(p -> p.contains("\"band\":\"BAND-1\""))
                .anyMatch(p -> p.contains("\"band\":\"BAND-2\""))
                .anyMatch(p -> p.contains("\"band\":\"BAND-3\""));
        long admitted = count("PupilAdmitted");
        List<String> topUps = payloads("TopUpAssigned");
        long first = topUps.stream().filter(p -> p.contains("\"change\":false")).count();
        assertThat(first).isGreaterThan(admitted * 85 / 100).isLessThan(admitted);
        assertThat(topUps).anyMatch(p -> p.contains("\"change\":true") && p.contains("\"reason\":\""));
        assertThat(payloads("PlaceChangeRecorded"))
                .isNotEmpty()
                .allMatch(p -> p.contains("\"nilReturn\":true") == p.contains("\"reason\":null"));
    }

    @Test
    void aSecondRunAddsNothing() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);

        loader.run(new DefaultApplicationArguments());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isEqualTo(before);
    }

    private static boolean increase(String payload) {
        int previous = intField(payload, "previousPercent");
        return intField(payload, "mainstreamPercent") > previous;
    }

    private static int intField(String json, String field) {
        String from = json.substring(json.indexOf("\"" + field + "\":") + field.length() + 3);
        return Integer.parseInt(from.replaceAll("^(\\d+).*", "$1"));
    }

    private long count(String event) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE ?", Long.class,
                "%." + event);
    }

    private List<String> payloads(String event) {
        return jdbc.query("SELECT payload FROM DomainEventEntry WHERE payloadType LIKE ?",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), "%." + event);
    }
}
