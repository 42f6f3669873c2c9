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
    @Autowired
    private uk.placements.query.funding.FundingLedgerReader ledger;

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
        // the facts of its inclusion bases (DemoBases), for the standards view and the comparison
        for (String fact : List.of("BaseModelRecorded", "BaseLeadAppointed", "QualifiedTeacherAccessRecorded")) {
            assertThat(count(fact)).as(fact).isPositive();
        }
        assertThat(payloads("BaseModelRecorded")).anyMatch(p -> p.contains("\"baseModel\":\"SPECIALIST\""))
                .anyMatch(p -> p.contains("\"baseModel\":\"SUPPORT\""));
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
    void recordsTheHistoryOnItsBusinessDatesSoThatPastMonthsHavePaymentSchedules() throws InterruptedException {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        List<String[]> admissions = jdbc.query("SELECT timeStamp, payload FROM DomainEventEntry "
                        + "WHERE payloadType LIKE '%.PupilAdmitted'",
                (rs, i) -> new String[]{rs.getString(1), new String(rs.getBytes(2), StandardCharsets.UTF_8)});
        assertThat(admissions).hasSizeGreaterThan(100).allSatisfy(a -> {
            String admittedOn = a[1].replaceAll(".*\"admittedOn\":\"([0-9-]{10})\".*", "$1");
            String expected = java.time.LocalDate.parse(admittedOn).isAfter(today) ? today.toString() : admittedOn;
            assertThat(a[0]).as(a[1]).startsWith(expected);
        });
        // the payment schedule of last month as drawn when it ended: top-ups were due
        java.time.YearMonth lastMonth = java.time.YearMonth.from(today).minusMonths(1);
        long deadline = System.nanoTime() + 30_000_000_000L;
        java.math.BigDecimal due = java.math.BigDecimal.ZERO;
        while (due.signum() == 0 && System.nanoTime() < deadline) {
            due = ledger.schedule(lastMonth, lastMonth.atEndOfMonth()).totals().due();
            Thread.sleep(100);
        }
        assertThat(due).isPositive();
    }

    @Test
    void theComparisonOfBasesSetsEveryOpenBaseOfTheDemoSideBySide() throws InterruptedException {
        long facts = count("BaseModelRecorded") + count("BaseLeadAppointed") + count("BaseLeadVacant")
                + count("QualifiedTeacherAccessRecorded");
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM rm_provision_change WHERE kind IN ('BASE_MODEL', "
                + "'BASE_LEAD', 'QT_ACCESS')", Long.class) < facts && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var comparison = bases.comparison(today);
        long open = jdbc.queryForObject("SELECT COUNT(*) FROM rm_provision WHERE status = 'OPEN' "
                + "AND opened_on <= ?", Long.class, java.sql.Date.valueOf(today));
        assertThat(comparison.bases()).hasSize((int) open);
        assertThat(comparison.groups()).isNotEmpty();
        assertThat(comparison.bases()).anyMatch(b -> b.standardsMet() >= 3)
                .allMatch(b -> b.standardsAssessed() >= b.standardsMet());
        String someBase = comparison.bases().get(0).provisionId();
        assertThat(bases.standards(someBase, today).expectations()).hasSize(4);
    }

    @Autowired
    private uk.placements.query.bases.InclusionBases bases;

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
