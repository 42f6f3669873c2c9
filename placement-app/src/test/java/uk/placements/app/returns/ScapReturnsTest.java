package uk.placements.app.returns;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;
import uk.placements.query.scap.ScapDates;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SCAP's specialist capacity (docs/returns.md, "SCAP") field by field for an authority built here, and the demand
 * forecast's answer:
 * <ul>
 *     <li>school 1: a Resource Base for Reception to Year 6 of 8 places with 2 pupils on roll, and a SEN Unit for
 *     Years 1 to 6 of 6 places with 1 pupil (admitted 15 September 2026, offered on the 10th);</li>
 *     <li>school 2: an all-through Resource Base, Reception to Year 13, of 14 places (7 primary, 5 secondary, 2
 *     post-16), 16 from 1 March 2027 (8, 6 and 2);</li>
 *     <li>school 3: a SEN Unit for Years 7 to 13 of 10 places (7 secondary, 3 post-16);</li>
 *     <li>school 4: a SEN Unit closed on 1 October 2026.</li>
 * </ul>
 * The app's database is shared with other tests, so the rows checked are this authority's schools.
 */
class ScapReturnsTest extends AppTest {

    private static final AtomicInteger SCHOOLS = new AtomicInteger((int) (System.nanoTime() % 90_000));
    private static final String[] URN = new String[5];
    private static final String[] PROVISION = new String[6];
    private static int builtOnPort;

    @BeforeEach
    void anAuthorityOfFourSchools() {
        if (builtOnPort == port) {
            return;
        }
        for (int i = 1; i <= 4; i++) {
            URN[i] = Integer.toString(600_000 + SCHOOLS.incrementAndGet());
        }
        PROVISION[1] = provision("RESOURCE_BASE", "PRIMARY", URN[1], 0, 6, 8);
        PROVISION[2] = provision("SEN_UNIT", "PRIMARY", URN[1], 1, 6, 6);
        PROVISION[3] = provision("RESOURCE_BASE", "ALL_THROUGH", URN[2], 0, 13, 14);
        PROVISION[4] = provision("SEN_UNIT", "SECONDARY", URN[3], 7, 13, 10);
        PROVISION[5] = provision("SEN_UNIT", "PRIMARY", URN[4], 0, 6, 4);
        admitted(PROVISION[1], 2);
        admitted(PROVISION[2], 1);
        Api.Answer places = api.put("provision-admin", "/api/provisions/" + PROVISION[3] + "/places",
                "{\"commissionedPlaces\":16,\"effectiveFrom\":\"2027-03-01\",\"reason\":\"second classroom\"}");
        assertThat(places.status()).as(places.body()).isEqualTo(200);
        Api.Answer closed = api.post("provision-admin", "/api/provisions/" + PROVISION[5] + "/close",
                "{\"closedOn\":\"2026-10-01\",\"reason\":\"decommissioned\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        eventually(() -> ledgerRows("2027-03-01", PROVISION[3]) == 1 && ledgerRows("2026-10-01", PROVISION[5]) == 1
                && jdbc.queryForObject("SELECT COALESCE(SUM(on_roll), 0) FROM rm_capacity_ledger WHERE provision_id "
                + "IN (?, ?) AND effective_from = DATE '2026-09-15'", Integer.class, PROVISION[1], PROVISION[2]) == 3
                && jdbc.queryForObject("SELECT COUNT(*) FROM rm_provision WHERE provision_id = ?", Integer.class,
                PROVISION[4]) == 1);
        builtOnPort = port;
    }

    @Test
    void capacityByschool_andKind_asAtTheFirstOfMay() {
        JsonNode r = get("analyst", "/api/returns/scap/capacity?asOf=2027-05-01").json();
        assertThat(r.get("asOf").asText()).isEqualTo("2027-05-01");
        assertThat(row(r, 1, "Resourced provision")).isEqualTo(
                "Host School|Resourced provision|8|8|0|0|2|" + PROVISION[1]);
        assertThat(row(r, 1, "SEN unit")).isEqualTo("Host School|SEN unit|6|6|0|0|1|" + PROVISION[2]);
        assertThat(row(r, 2, "Resourced provision")).as("16 places from 1 March")
                .isEqualTo("Host School|Resourced provision|16|8|6|2|0|" + PROVISION[3]);
        assertThat(row(r, 2, "SEN unit")).isNull();
        assertThat(row(r, 3, "SEN unit")).isEqualTo("Host School|SEN unit|10|0|7|3|0|" + PROVISION[4]);
        assertThat(row(r, 4, "SEN unit")).as("closed in October").isNull();
        int capacity = 0;
        int onRoll = 0;
        for (JsonNode s : r.get("rows")) {
            capacity += s.get("capacity").asInt();
            onRoll += s.get("onRoll").asInt();
            assertThat(s.get("primaryCapacity").asInt() + s.get("secondaryCapacity").asInt()
                    + s.get("post16Capacity").asInt()).isEqualTo(s.get("capacity").asInt());
        }
        assertThat(r.get("capacity").asInt()).isEqualTo(capacity);
        assertThat(r.get("onRoll").asInt()).isEqualTo(onRoll);
    }

    @Test
    void capacityOnAnotherDayIsTheLedgersRowInForceThen() {
        // 20 September 2026: before the closure and before the 16 places; the pupils were admitted on the 15th
        JsonNode r = get("returns", "/api/returns/scap/capacity?asOf=2026-09-20").json();
        assertThat(row(r, 2, "Resourced provision")).isEqualTo(
                "Host School|Resourced provision|14|7|5|2|0|" + PROVISION[3]);
        assertThat(row(r, 4, "SEN unit")).isEqualTo("Host School|SEN unit|4|4|0|0|0|" + PROVISION[5]);
        JsonNode before = get("admin", "/api/returns/scap/capacity?asOf=2026-09-12").json();
        assertThat(row(before, 1, "Resourced provision")).as("offered, not yet on roll")
                .isEqualTo("Host School|Resourced provision|8|8|0|0|0|" + PROVISION[1]);
    }

    @Test
    void theDefaultDayIsTheComingFirstOfMay() {
        LocalDate expected = ScapDates.nextCapacityDay(LocalDate.now(ZoneId.of("Europe/London")));
        assertThat(get("returns", "/api/returns/scap/capacity").json().get("asOf").asText())
                .isEqualTo(expected.toString());
        assertThat(ScapDates.nextCapacityDay(LocalDate.of(2026, 12, 5))).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(ScapDates.nextCapacityDay(LocalDate.of(2027, 5, 1))).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(ScapDates.nextCapacityDay(LocalDate.of(2027, 5, 2))).isEqualTo(LocalDate.of(2028, 5, 1));
    }

    @Test
    void theCapacityCsvHasTheSameRows() {
        Api.Answer csv = get("returns", "/api/returns/scap/capacity.csv?asOf=2027-05-01");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("scap-capacity-2027-05-01.csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("AsAt,URN,SchoolName,UnitOrResourcedProvision,Capacity,PrimaryCapacity,"
                + "SecondaryCapacity,Post16Capacity,OnRoll,ProvisionIds");
        assertThat(lines).contains("2027-05-01," + URN[1] + ",Host School,Resourced provision,8,8,0,0,2,"
                        + PROVISION[1],
                "2027-05-01," + URN[1] + ",Host School,SEN unit,6,6,0,0,1," + PROVISION[2],
                "2027-05-01," + URN[2] + ",Host School,Resourced provision,16,8,6,2,0," + PROVISION[3],
                "2027-05-01," + URN[3] + ",Host School,SEN unit,10,0,7,3,0," + PROVISION[4]);
        JsonNode json = get("returns", "/api/returns/scap/capacity?asOf=2027-05-01").json();
        assertThat(lines).hasSize(json.get("rows").size() + 1);
        assertThat(csv.body()).doesNotContain("Olivia").doesNotContain("Hargreaves");
    }

    @Test
    void theForecastCoversTheNextFiveYearsByPhaseAndNeed() {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        JsonNode f = get("analyst", "/api/returns/scap/forecast?asOf=" + today).json();
        assertThat(f.get("asOf").asText()).isEqualTo(today);
        assertThat(f.get("observed").get("yearsAhead").asInt()).isZero();
        JsonNode years = f.get("years");
        assertThat(years).hasSize(5);
        for (int k = 1; k <= 5; k++) {
            JsonNode y = years.get(k - 1);
            assertThat(y.get("yearsAhead").asInt()).isEqualTo(k);
            assertThat(y.get("countedOn").asText()).isEqualTo(LocalDate.parse(today).plusYears(k).toString());
            assertThat(y.get("phases")).hasSize(3);
            for (JsonNode phase : y.get("phases")) {
                double pupils = 0;
                for (JsonNode c : y.get("cells")) {
                    if (c.get("phase").asText().equals(phase.get("phase").asText())) {
                        pupils += c.get("pupils").asDouble();
                        assertThat(c.get("shortfall").asDouble() - c.get("spare").asDouble()).isCloseTo(
                                c.get("pupils").asDouble() - c.get("places").asDouble(),
                                org.assertj.core.api.Assertions.within(0.11));
                    }
                }
                assertThat(pupils).as("the cells add up to the phase").isCloseTo(phase.get("pupils").asDouble(),
                        org.assertj.core.api.Assertions.within(0.1 * 13 + 0.05));
            }
        }
        // this authority's three pupils (Year 3, ASD, with a plan) are among those needing a place now
        double primaryAsd = 0;
        for (JsonNode c : f.get("observed").get("cells")) {
            if (c.get("phase").asText().equals("PRIMARY") && c.get("need").asText().equals("ASD")) {
                primaryAsd = c.get("pupils").asDouble();
            }
        }
        assertThat(primaryAsd).isGreaterThanOrEqualTo(3);
        assertThat(f.get("parameters").get("phases")).hasSize(3);
        assertThat(f.get("parameters").get("transfers")).hasSize(2);
    }

    @Test
    void theForecastsPlacesAreTheCapacityOfTheSameDay() {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        JsonNode f = get("returns", "/api/returns/scap/forecast?asOf=" + today).json();
        JsonNode c = get("returns", "/api/returns/scap/capacity?asOf=" + today).json();
        double places = 0;
        for (JsonNode phase : f.get("observed").get("phases")) {
            places += phase.get("places").asDouble();
        }
        assertThat(places).isCloseTo(c.get("capacity").asDouble(), org.assertj.core.api.Assertions.within(0.16));
    }

    @Test
    void theForecastCsvHasARowPerPhaseAndCellOfEachYear() {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        Api.Answer csv = get("admin", "/api/returns/scap/forecast.csv?asOf=" + today);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("AsOf,YearsAhead,AcademicYear,CountedOn,Phase,Need,Pupils,Places,"
                + "Shortfall,Spare");
        JsonNode f = get("admin", "/api/returns/scap/forecast?asOf=" + today).json();
        List<JsonNode> years = new ArrayList<>();
        years.add(f.get("observed"));
        f.get("years").forEach(years::add);
        int rows = 0;
        for (JsonNode y : years) {
            rows += y.get("phases").size() + y.get("cells").size();
            JsonNode post16 = y.get("phases").get(2);
            assertThat(lines).contains(String.join(",", today, y.get("yearsAhead").asText(),
                    y.get("academicYear").asText(), y.get("countedOn").asText(), "POST_16", "ALL",
                    String.format(java.util.Locale.ROOT, "%.1f", post16.get("pupils").asDouble()),
                    String.format(java.util.Locale.ROOT, "%.1f", post16.get("places").asDouble()),
                    String.format(java.util.Locale.ROOT, "%.1f", post16.get("shortfall").asDouble()),
                    String.format(java.util.Locale.ROOT, "%.1f", post16.get("spare").asDouble())));
        }
        assertThat(lines).hasSize(rows + 1);
    }

    @Test
    void badDatesAreRefusedNamingTheParameter() {
        for (String path : List.of("/api/returns/scap/capacity?asOf=2027-13-01",
                "/api/returns/scap/capacity?asOf=1999-05-01",
                "/api/returns/scap/forecast?asOf=nonsense", "/api/returns/scap/forecast.csv?asOf=2099-01-01",
                "/api/returns/scap/capacity.csv?asOf=2100-05-01")) {
            Api.Answer a = get("returns", path);
            assertThat(a.status()).as(path).isEqualTo(400);
            assertThat(a.json().get("errors").get(0).get("field").asText()).as(path).isEqualTo("asOf");
        }
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        assertThat(get("returns", "/api/returns/scap/forecast?asOf=" + tomorrow).status())
                .as("a forecast starts from history").isEqualTo(400);
    }

    @Test
    void whoMayRead() {
        for (String user : List.of("returns", "analyst", "admin")) {
            assertThat(get(user, "/api/returns/scap/capacity?asOf=2027-05-01").status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("caseworker", "auditor", "finance", "provision-admin")) {
            assertThat(get(user, "/api/returns/scap/forecast").status()).as(user).isEqualTo(403);
        }
        assertThat(get(null, "/api/returns/scap/capacity").status()).isEqualTo(401);
    }

    private Api.Answer get(String user, String path) {
        return api.get(user, path);
    }

    private int ledgerRows(String from, String provision) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rm_capacity_ledger WHERE provision_id = ? AND effective_from "
                + "= CAST(? AS DATE)", Integer.class, provision, from);
    }

    /** The school's row of a kind, its fields joined by '|', or null. */
    private static String row(JsonNode report, int school, String kind) {
        for (JsonNode s : report.get("rows")) {
            if (s.get("urn").asText().equals(URN[school]) && s.get("unitOrResourcedProvision").asText().equals(kind)) {
                List<String> ids = new ArrayList<>();
                s.get("provisionIds").forEach(id -> ids.add(id.asText()));
                return String.join("|", s.get("schoolName").asText(), s.get("unitOrResourcedProvision").asText(),
                        s.get("capacity").asText(), s.get("primaryCapacity").asText(),
                        s.get("secondaryCapacity").asText(), s.get("post16Capacity").asText(),
                        s.get("onRoll").asText(), String.join(" ", ids));
            }
        }
        return null;
    }

    private String provision(String type, String phase, String urn, int lowest, int highest, int places) {
        String id = Api.newProvisionId("SCAP");
        Api.Answer a = api.post("provision-admin", "/api/provisions",
                Api.provisionJson(id, type, lowest, highest, "\"ASD\",\"SEMH\"", places).replace("100001", urn)
                        .replace("\"phase\":\"PRIMARY\"", "\"phase\":\"" + phase + "\""));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return id;
    }

    /** {@code pupils} in Year 3 referred on 1 September, offered a place on the 10th and admitted on the 15th. */
    private void admitted(String provision, int pupils) {
        for (int i = 0; i < pupils; i++) {
            String placement = api.refer(Api.newUpn());
            assertThat(api.offer(placement, provision).status()).isEqualTo(200);
            assertThat(api.post("caseworker", "/api/placements/" + placement + "/admission",
                    "{\"admittedOn\":\"2026-09-15\"}").status()).isEqualTo(200);
        }
    }
}
