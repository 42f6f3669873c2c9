package uk.placements.app.funding;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funding ledger over HTTP (docs/funding.md, "The funding ledger"): a placement admitted on 15 September at a
 * band of GBP 1,200 a year, changed back-dated to GBP 2,400 from 16 October, moved to mainstream on 20 November:
 * September is 16 days (1,200 x 16 / 360 = 53.33), October 15 + 16 days ((18,000 + 38,400) / 372 = 151.61), November
 * 19 days (2,400 x 19 / 360 = 126.67). All of it is recorded today, so this month's payment schedule carries it as
 * adjustments to those months and last month's schedule, drawn before it was known, does not change.
 */
class FundingLedgerApiTest extends AppTest {

    private static final AtomicInteger SCHOOLS = new AtomicInteger((int) (System.nanoTime() % 90_000));

    private String band1;
    private String band2;
    private String urn;
    private String provision;
    private String placement;

    @BeforeEach
    void aPlacementFundedFromAdmissionToItsMoveToMainstream() {
        band1 = "LB" + SCHOOLS.incrementAndGet();
        band2 = "LB" + SCHOOLS.incrementAndGet();
        urn = Integer.toString(800_000 + SCHOOLS.incrementAndGet());
        for (String[] value : new String[][]{{band1, "1200"}, {band2, "2400"}}) {
            assertThat(api.put("finance", "/api/funding/tariff/bands/" + value[0],
                    "{\"financialYear\":\"2026-27\",\"annualValue\":" + value[1] + "}").status()).isEqualTo(200);
        }
        provision = Api.newProvisionId("LEDGER");
        Api.Answer commissioned = api.post("provision-admin", "/api/provisions",
                Api.provisionJson(provision, "RESOURCE_BASE", 0, 6, "\"ASD\"", 4).replace("100001", urn));
        assertThat(commissioned.status()).as(commissioned.body()).isEqualTo(201);
        placement = api.refer(Api.newUpn());
        assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        assertThat(api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-15\"}").status()).isEqualTo(200);
        assertThat(api.post("caseworker", "/api/funding/placements/" + placement + "/top-up",
                "{\"band\":\"" + band1 + "\",\"effectiveFrom\":\"2026-09-15\"}").status()).isEqualTo(200);
        Api.Answer moved = api.post("caseworker", "/api/placements/" + placement + "/move-to-mainstream",
                "{\"effectiveFrom\":\"2026-11-20\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Api.Answer changed = api.post("finance", "/api/funding/placements/" + placement + "/top-up",
                "{\"band\":\"" + band2 + "\",\"effectiveFrom\":\"2026-10-16\",\"reason\":\"annual review\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        eventually(() -> api.get("caseworker", "/api/funding/placements/" + placement + "/ledger").json()
                .get("total").decimalValue().compareTo(new BigDecimal("331.61")) == 0);
    }

    @Test
    void aPlacementsLedgerIsProRatedByDayAcrossABackDatedBandChangeAndEndsWhenThePupilLeft() {
        Api.Answer ledger = api.get("caseworker", "/api/funding/placements/" + placement + "/ledger");
        assertThat(ledger.status()).isEqualTo(200);
        JsonNode months = ledger.json().get("months");
        assertThat(months).hasSize(3);
        assertThat(month(months.get(0))).isEqualTo("2026-09 16 16 " + band1 + " 53.33");
        assertThat(month(months.get(1))).isEqualTo("2026-10 31 31 " + band1 + " > " + band2 + " 151.61");
        assertThat(month(months.get(2))).isEqualTo("2026-11 19 19 " + band2 + " 126.67");
        assertThat(months.get(1).get("financialYear").asText()).isEqualTo("2026-27");
        assertThat(months.get(1).get("academicYear").asText()).isEqualTo("2026-27");
        // the raw body: pence as written, never a floating-point number
        assertThat(ledger.body()).contains("\"topUp\":53.33").contains("\"total\":331.61");

        // as known at the end of a day before any of it was recorded: nothing
        Api.Answer before = api.get("caseworker", "/api/funding/placements/" + placement + "/ledger?asOf=2026-09-30");
        assertThat(before.json().get("months")).isEmpty();

        assertThat(api.get("caseworker", "/api/funding/placements/" + java.util.UUID.randomUUID() + "/ledger")
                .status()).isEqualTo(404);
        assertThat(api.get("caseworker", "/api/funding/placements/" + placement + "/ledger?asOf=yesterday")
                .status()).isEqualTo(400);
    }

    @Test
    void thisMonthsScheduleAdjustsTheMonthsAlreadyScheduledAndLastMonthsIsNotRewritten() {
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        Api.Answer csv = api.get("finance", "/api/funding/schedules/" + thisMonth + ".csv?urn=" + urn);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("urn,school,schedule_month,line,for_month,placement_id,provision_id,"
                + "days_funded,priced_by,amount");
        assertThat(lines.subList(1, lines.size())).containsExactly(
                adjustment(thisMonth, "2026-09", 16, band1, "53.33"),
                adjustment(thisMonth, "2026-10", 31, band1 + " > " + band2, "151.61"),
                adjustment(thisMonth, "2026-11", 19, band2, "126.67"));
        assertThat(csv.body()).doesNotContain("Hargreaves");

        YearMonth lastMonth = thisMonth.minusMonths(1);
        List<String> before = api.get("finance", "/api/funding/schedules/" + lastMonth + ".csv?urn=" + urn).body()
                .lines().toList();
        assertThat(before).hasSize(1); // the header: last month's schedule was drawn before any of it was known

        Api.Answer schedule = api.get("finance", "/api/funding/schedules?month=" + thisMonth);
        assertThat(schedule.status()).isEqualTo(200);
        assertThat(schedule.json().get("provisional").asBoolean()).isTrue();
        JsonNode school = null;
        for (JsonNode s : schedule.json().get("schools")) {
            if (s.get("urn").asText().equals(urn)) {
                school = s;
            }
        }
        assertThat(school).as("the school's row").isNotNull();
        assertThat(school.get("due").decimalValue()).isEqualByComparingTo("0");
        assertThat(school.get("adjustments").decimalValue()).isEqualByComparingTo("331.61");
        assertThat(school.get("placements").asInt()).isEqualTo(1);
        assertThat(api.get("finance", "/api/funding/schedules?month=2026-13").status()).isEqualTo(400);
    }

    @Test
    void theNamedScheduleShowsPupilsNamesAndIsRecordedInTheAccessLog() {
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        Api.Answer named = api.get("finance", "/api/funding/schedules/" + thisMonth + ".csv?urn=" + urn
                + "&named=true");
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.body().lines().findFirst().orElseThrow()).endsWith(",amount,pupil_name");
        assertThat(named.body()).contains("Olivia Hargreaves");
        assertThat(named.header("Content-Disposition")).contains("named");
        JsonNode log = api.get("auditor", "/api/audit/access-log?user=finance").json();
        List<String> logged = new ArrayList<>();
        log.forEach(entry -> logged.add(entry.get("placementId").asText() + " " + entry.get("endpoint").asText()));
        assertThat(logged).contains(placement + " /api/funding/schedules/" + thisMonth + ".csv");
        assertThat(api.get("caseworker", "/api/funding/schedules/" + thisMonth + ".csv?named=true").status())
                .isEqualTo(403);
    }

    @Test
    void aYearsLedgerAddsPlaceFundingForCommissionedPlacesToTheTopUps() {
        assertThat(api.put("finance", "/api/funding/tariff/place-rates",
                "{\"type\":\"RESOURCE_BASE\",\"academicYear\":\"2026-27\",\"perPlace\":6000,"
                        + "\"reason\":\"the authority's rate\"}").status()).isEqualTo(200);
        assertThat(api.put("finance", "/api/funding/tariff/place-rates",
                "{\"type\":\"RESOURCE_BASE\",\"academicYear\":\"2025-26\",\"perPlace\":6000,"
                        + "\"reason\":\"the authority's rate\"}").status()).isEqualTo(200);
        String ledger = "/api/funding/ledger?year=2026-27&basis=FINANCIAL&asOf=2027-03-31&provisionId=" + provision;
        // both rates reach the funding read model a moment after their commands are acknowledged
        eventually(() -> api.get("analyst", ledger).json().get("totals").get("placeFunding").decimalValue()
                .compareTo(new BigDecimal("24000.00")) == 0);
        Api.Answer year = api.get("analyst", ledger);
        assertThat(year.status()).as(year.body()).isEqualTo(200);
        JsonNode months = year.json().get("months");
        assertThat(months).hasSize(12);
        // four places at GBP 6,000 a year: GBP 2,000 a month, whatever the month's length
        for (JsonNode m : months) {
            assertThat(m.get("placeFunding").decimalValue()).as(m.toString()).isEqualByComparingTo("2000.00");
        }
        assertThat(months.get(5).get("month").asText()).isEqualTo("2026-09");
        assertThat(months.get(5).get("topUps").decimalValue()).isEqualByComparingTo("53.33");
        assertThat(months.get(7).get("total").decimalValue()).isEqualByComparingTo("2126.67");
        JsonNode totals = year.json().get("totals");
        assertThat(totals.get("topUps").decimalValue()).isEqualByComparingTo("331.61");
        assertThat(totals.get("placeFunding").decimalValue()).isEqualByComparingTo("24000.00");
        assertThat(year.json().get("provisions").get(0).get("urn").asText()).isEqualTo(urn);

        Api.Answer academic = api.get("finance", "/api/funding/ledger?year=2026-27&basis=ACADEMIC&asOf=2026-10-31"
                + "&provisionId=" + provision);
        assertThat(academic.json().get("months")).hasSize(2); // September and October: up to the month of asOf
        assertThat(api.get("caseworker", "/api/funding/ledger").status()).isEqualTo(403);
        assertThat(api.get("finance", "/api/funding/ledger?year=2026-28").status()).isEqualTo(400);
    }

    /**
     * Place funding reads the capacity ledger over the year's days only: the row in force when the year begins
     * (places changed before it) and the changes within it.
     */
    @Test
    void placeFundingFollowsPlacesChangedBeforeTheYearAndDuringIt() {
        for (String year : List.of("2025-26", "2026-27")) {
            assertThat(api.put("finance", "/api/funding/tariff/place-rates", "{\"type\":\"RESOURCE_BASE\","
                    + "\"academicYear\":\"" + year + "\",\"perPlace\":6000,\"reason\":\"the authority's rate\"}")
                    .status()).isEqualTo(200);
        }
        for (String[] change : new String[][]{{"6", "2025-06-01"}, {"8", "2026-11-01"}}) {
            assertThat(api.put("provision-admin", "/api/provisions/" + provision + "/places",
                    "{\"commissionedPlaces\":" + change[0] + ",\"effectiveFrom\":\"" + change[1]
                            + "\",\"reason\":\"Agreed at panel\"}").status()).isEqualTo(200);
        }
        String ledger = "/api/funding/ledger?year=2026-27&basis=FINANCIAL&asOf=2027-03-31&provisionId=" + provision;
        // six places at GBP 6,000 a year from April to October, eight from November: GBP 3,000 then 4,000 a month
        eventually(() -> api.get("analyst", ledger).json().get("totals").get("placeFunding").decimalValue()
                .compareTo(new BigDecimal("41000.00")) == 0);
        JsonNode months = api.get("analyst", ledger).json().get("months");
        for (int i = 0; i < 12; i++) {
            assertThat(months.get(i).get("placeFunding").decimalValue()).as(months.get(i).toString())
                    .isEqualByComparingTo(i < 7 ? "3000.00" : "4000.00");
        }
        for (String[] asOf : new String[][]{{"2026-10-15", "6"}, {"2026-12-31", "8"}}) {
            JsonNode mine = null;
            for (JsonNode p : api.get("analyst", "/api/funding/spend?financialYear=2026-27&asOf=" + asOf[0]).json()
                    .get("byProvision")) {
                if (p.get("provisionId").asText().equals(provision)) {
                    mine = p;
                }
            }
            assertThat(mine).as(asOf[0]).isNotNull();
            assertThat(mine.get("commissioned").asText()).as(asOf[0]).isEqualTo(asOf[1]);
        }
    }

    @Test
    void theSpendDashboardSplitsTheYearIntoDueAndCommittedAndItsFiguresAddUp() {
        Api.Answer spend = api.get("analyst", "/api/funding/spend?financialYear=2026-27&asOf=2026-12-31");
        assertThat(spend.status()).as(spend.body()).isEqualTo(200);
        JsonNode json = spend.json();
        JsonNode months = json.get("months");
        assertThat(months).hasSize(12);
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal forecast = BigDecimal.ZERO;
        for (int i = 0; i < 12; i++) {
            JsonNode m = months.get(i);
            boolean due = i <= 8; // April to December
            assertThat(m.get(due ? "actual" : "forecast").isNumber()).as(m.toString()).isTrue();
            assertThat(m.get(due ? "forecast" : "actual").isNull()).as(m.toString()).isTrue();
            actual = actual.add(due ? m.get("actual").decimalValue() : BigDecimal.ZERO);
            forecast = forecast.add(due ? BigDecimal.ZERO : m.get("forecast").decimalValue());
        }
        assertThat(json.get("committedToYearEnd").decimalValue()).isEqualByComparingTo(forecast);
        assertThat(json.get("totals").get("total").decimalValue()).isEqualByComparingTo(actual.add(forecast));
        JsonNode mine = null;
        for (JsonNode p : json.get("byProvision")) {
            if (p.get("provisionId").asText().equals(provision)) {
                mine = p;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("topUps").decimalValue()).isEqualByComparingTo("331.61");
        assertThat(mine.get("commissioned").asInt()).isEqualTo(4);
        assertThat(mine.get("onRoll").asInt()).isZero(); // the pupil moved to mainstream in November
        assertThat(mine.get("emptyPlaces").asInt()).isEqualTo(4);
        BigDecimal byType = BigDecimal.ZERO;
        for (JsonNode t : json.get("byType")) {
            byType = byType.add(t.get("total").decimalValue());
        }
        assertThat(byType).isEqualByComparingTo(json.get("totals").get("total").decimalValue());
        assertThat(json.get("nextAcademicYear").get("academicYear").asText()).isEqualTo("2027-28");
        assertThat(api.get("caseworker", "/api/funding/spend").status()).isEqualTo(403);
    }

    @Test
    void nextYearsPlacesInTheForecastAreThoseAPlaceChangeReturnRequests() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        int nextStart = (today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1) + 1;
        String next = nextStart + "-" + String.format("%02d", (nextStart + 1) % 100);
        JsonNode before = api.get("finance", "/api/funding/spend?asOf=" + today).json().get("nextAcademicYear");
        assertThat(before.get("academicYear").asText()).isEqualTo(next);
        Api.Answer made = api.put("provision-admin", "/api/funding/place-change/" + provision + "/" + next,
                "{\"places\":6,\"reason\":\"INCREASED_DEMAND\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        eventually(() -> api.get("finance", "/api/funding/spend?asOf=" + today).json().get("nextAcademicYear")
                .get("places").asInt() == before.get("places").asInt() + 2); // 6 requested instead of 4
    }

    private static String month(JsonNode m) {
        return m.get("month").asText() + " " + m.get("daysOccupied").asInt() + " " + m.get("daysFunded").asInt()
                + " " + m.get("basis").asText() + " " + m.get("topUp").decimalValue().toPlainString();
    }

    private String adjustment(YearMonth schedule, String forMonth, int days, String basis, String amount) {
        return String.join(",", urn, "Host School", schedule.toString(), "ADJUSTMENT", forMonth, placement,
                provision, Integer.toString(days), basis, amount);
    }
}
