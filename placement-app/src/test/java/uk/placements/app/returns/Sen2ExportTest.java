package uk.placements.app.returns;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SEN2 placements module (docs/returns.md) of an authority built here, checked field by field. Its story is set
 * in 2020 to 2022 so that no other suite's placements fall in its census window (21 January 2022: the collection
 * year 2021): two schools, one with a Resource Base, one with a SEN Unit;
 * <ul>
 *     <li>Amara: in the Resource Base from 1 March 2021, still there on census day;</li>
 *     <li>Ben: in the SEN Unit from 1 March 2021, left on 19 November 2021 (phase transfer);</li>
 *     <li>Cal: in the Resource Base from 1 March 2021, left on 31 March 2022, after census day;</li>
 *     <li>Dee: offered a place but never admitted: not a placement of the return;</li>
 *     <li>Eve: in the SEN Unit from February 2020 to 18 December 2020: before the collection year;</li>
 *     <li>Fay: in the Resource Base from 1 March 2021, then her personal data was erased.</li>
 * </ul>
 */
class Sen2ExportTest extends AppTest {

    static final String CENSUS = "2022-01-20";
    private static final AtomicInteger SCHOOLS = new AtomicInteger((int) (System.nanoTime() % 90_000));
    private static final String HEADER = "UPN,Surname,Forename,PersonBirthDate,URN,PlacementRank,EntryDate,LeavingDate,"
            + "SENunitIndicator,ResourcedProvisionIndicator,SENtype,SENtypeRank";

    /** The authority is built once per application context (a subclass on PostgreSQL builds its own). */
    private static int builtOnPort;
    private static String rbUrn;
    private static String unitUrn;
    private static String amara;
    private static String ben;
    private static String cal;
    private static String dee;
    private static String eve;
    private static String fay;
    private static String amaraUpn;
    private static String benUpn;
    private static String calUpn;
    private static String deeUpn;
    private static String eveUpn;
    private static String fayUpn;

    @BeforeEach
    void anAuthorityWithPlacementsAroundTheCensusWindow() {
        if (builtOnPort == port) {
            return;
        }
        rbUrn = Integer.toString(600_000 + SCHOOLS.incrementAndGet());
        unitUrn = Integer.toString(600_000 + SCHOOLS.incrementAndGet());
        String rb = provision("RESOURCE_BASE", rbUrn);
        String unit = provision("SEN_UNIT", unitUrn);

        amaraUpn = Api.newUpn();
        amara = refer(amaraUpn, "Amara", "Okafor", "2013-04-02", "ASD", "\"SLCN\"", "2021-02-01");
        admit(amara, rb, "2021-02-10", "2021-03-01");

        benUpn = Api.newUpn();
        // secondary needs sent in no particular order: the return ranks them in SEN2's code-list order
        ben = refer(benUpn, "Ben", "Smith, Jones", "2012-11-30", "SLCN", "\"OTH\",\"ASD\",\"HI\"", "2021-02-01");
        admit(ben, unit, "2021-02-10", "2021-03-01");
        assertThat(api.post("caseworker", "/api/placements/" + ben + "/end",
                "{\"effectiveFrom\":\"2021-11-19\",\"reason\":\"PHASE_TRANSFER\"}").status()).isEqualTo(200);

        calUpn = Api.newUpn();
        cal = refer(calUpn, "Cal", "Byrne", "2014-07-19", "ASD", "", "2021-02-01");
        admit(cal, rb, "2021-02-10", "2021-03-01");
        assertThat(api.post("caseworker", "/api/placements/" + cal + "/move-to-mainstream",
                "{\"effectiveFrom\":\"2022-03-31\"}").status()).isEqualTo(200);

        deeUpn = Api.newUpn();
        dee = refer(deeUpn, "Dee", "Ward", "2013-01-05", "ASD", "", "2021-02-01");
        assertThat(api.post("caseworker", "/api/placements/" + dee + "/offer",
                "{\"provisionId\":\"" + rb + "\",\"offeredOn\":\"2021-02-10\"}").status()).isEqualTo(200);

        eveUpn = Api.newUpn();
        eve = refer(eveUpn, "Eve", "Lamb", "2012-03-03", "SLCN", "", "2020-01-06");
        admit(eve, unit, "2020-01-10", "2020-02-03");
        assertThat(api.post("caseworker", "/api/placements/" + eve + "/end",
                "{\"effectiveFrom\":\"2020-12-18\",\"reason\":\"LEFT_AREA\"}").status()).isEqualTo(200);

        fayUpn = Api.newUpn();
        fay = refer(fayUpn, "Fay", "Quill", "2013-09-09", "ASD", "", "2021-02-01");
        admit(fay, rb, "2021-02-10", "2021-03-01");
        eventually(() -> jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement WHERE placement_id = ? "
                + "AND admitted_on IS NOT NULL", Integer.class, fay) == 1);
        assertThat(api.post("admin", "/api/admin/pupils/" + fayUpn + "/erase",
                "{\"reason\":\"family request upheld\"}").status()).isEqualTo(200);

        eventually(() -> jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement WHERE placement_id IN (?, ?, ?, ?) "
                + "AND ended_on IS NOT NULL", Integer.class, ben, cal, eve, dee) == 3
                && jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement WHERE placement_id = ? "
                + "AND pupil_erased", Integer.class, fay) == 1);
        builtOnPort = port;
    }

    @Test
    void theCsvHasSen2sColumnsAndOneRowPerPlacementAndNeedFieldByField() {
        Api.Answer csv = api.get("returns", "/api/returns/sen2/placements.csv?censusDate=" + CENSUS);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("sen2-placements-2022-01-20.csv");
        assertThat(csv.header("X-Erased-Pupils-Excluded")).isEqualTo("1");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(csv.body()).contains("\r\n"); // RFC 4180 line ends

        assertThat(mine(lines)).containsExactlyInAnyOrder(
                amaraUpn + ",Okafor,Amara,2013-04-02," + rbUrn + ",1,2021-03-01,,0,1,ASD,1",
                amaraUpn + ",Okafor,Amara,2013-04-02," + rbUrn + ",1,2021-03-01,,0,1,SLCN,2",
                // a name holding a comma is quoted; the unit's indicators; needs ranked 1 (primary) then HI, ASD, OTH
                benUpn + ",\"Smith, Jones\",Ben,2012-11-30," + unitUrn + ",1,2021-03-01,2021-11-19,1,0,SLCN,1",
                benUpn + ",\"Smith, Jones\",Ben,2012-11-30," + unitUrn + ",1,2021-03-01,2021-11-19,1,0,HI,2",
                benUpn + ",\"Smith, Jones\",Ben,2012-11-30," + unitUrn + ",1,2021-03-01,2021-11-19,1,0,ASD,3",
                benUpn + ",\"Smith, Jones\",Ben,2012-11-30," + unitUrn + ",1,2021-03-01,2021-11-19,1,0,OTH,4",
                // left after census day: the return does not know it yet
                calUpn + ",Byrne,Cal,2014-07-19," + rbUrn + ",1,2021-03-01,,0,1,ASD,1");
        assertThat(csv.body()).doesNotContain(fayUpn, eveUpn, deeUpn);
    }

    @Test
    void theSummaryCountsTheWindowAndTheErasedPupilsLeftOut() {
        Api.Answer summary = api.get("returns", "/api/returns/sen2/summary?censusDate=" + CENSUS);
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        JsonNode s = summary.json();
        assertThat(s.get("censusDate").asText()).isEqualTo(CENSUS);
        assertThat(s.get("from").asText()).isEqualTo("2021-01-01");
        // The database is shared with other tests: the summary counts the file of the same window, which holds this
        // authority's three placements (one at the unit, two at the base; one left in the window) among any others.
        List<List<String>> rows = api.get("returns", "/api/returns/sen2/placements.csv?censusDate=" + CENSUS).body()
                .lines().skip(1).map(Sen2ExportTest::fields).toList();
        Map<String, List<String>> placements = new java.util.TreeMap<>();
        rows.forEach(r -> placements.put(r.get(0) + " " + r.get(4) + " " + r.get(6), r));
        assertThat(s.get("placements").asInt()).isEqualTo(placements.size()).isGreaterThanOrEqualTo(3);
        assertThat(s.get("pupils").asInt()).isEqualTo((int) rows.stream().map(r -> r.get(0)).distinct().count());
        assertThat(s.get("needRows").asInt()).isEqualTo(rows.size()).isGreaterThanOrEqualTo(7);
        assertThat(s.get("openOnCensusDay").asInt()).isEqualTo(
                (int) placements.values().stream().filter(r -> r.get(7).isEmpty()).count());
        assertThat(s.get("leftInWindow").asInt()).isEqualTo(
                (int) placements.values().stream().filter(r -> !r.get(7).isEmpty()).count()).isPositive();
        assertThat(s.get("senUnitPlacements").asInt()).isEqualTo(
                (int) placements.values().stream().filter(r -> r.get(8).equals("1")).count()).isPositive();
        assertThat(s.get("resourcedProvisionPlacements").asInt()).isEqualTo(
                (int) placements.values().stream().filter(r -> r.get(9).equals("1")).count())
                .isGreaterThanOrEqualTo(2);
        assertThat(s.get("erasedPupilsExcluded").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(s.get("erasedPlacementsExcluded").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(summary.body()).doesNotContain(amaraUpn, "Okafor");
    }

    /** The fields of one CSV line (RFC 4180: a quoted field may hold commas and doubled quotes). */
    private static List<String> fields(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    @Test
    void theWindowMovesWithTheCensusDateAndItsStart() {
        // the 2021 return (census 21 January 2021, collection year 2020): Eve, who left in December 2020, and
        // nobody admitted after census day
        List<String> lines = api.get("returns", "/api/returns/sen2/placements.csv?censusDate=2021-01-21").body()
                .lines().toList();
        assertThat(mine(lines)).containsExactly(
                eveUpn + ",Lamb,Eve,2012-03-03," + unitUrn + ",1,2020-02-03,2020-12-18,1,0,SLCN,1");
        // the 2022 return widened to 2020: Eve as well
        List<String> wider = api.get("returns", "/api/returns/sen2/placements.csv?censusDate=" + CENSUS
                + "&from=2020-01-01").body().lines().toList();
        assertThat(mine(wider)).hasSize(8).anyMatch(l -> l.startsWith(eveUpn));

        assertThat(api.get("returns", "/api/returns/sen2/placements.csv?censusDate=21/01/2022").status())
                .isEqualTo(400);
        Api.Answer backwards = api.get("returns", "/api/returns/sen2/summary?censusDate=" + CENSUS
                + "&from=2022-02-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(api.get("returns", "/api/returns/sen2/summary?censusDate=1985-01-17").status()).isEqualTo(400);
        // without a census date: the census day to come, and the calendar year before it
        JsonNode byDefault = api.get("returns", "/api/returns/sen2/summary").json();
        java.time.LocalDate census = java.time.LocalDate.parse(byDefault.get("censusDate").asText());
        assertThat(census.getMonthValue()).isEqualTo(1);
        assertThat(census.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
        assertThat(census.getDayOfMonth()).isBetween(15, 21);
        assertThat(census).isAfterOrEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1));
        assertThat(byDefault.get("from").asText()).isEqualTo((census.getYear() - 1) + "-01-01");
    }

    @Test
    void everyDownloadIsInTheAccessLogPupilByPupilAndTheSummaryIsNot() {
        int before = logged(amara);
        api.get("returns", "/api/returns/sen2/summary?censusDate=" + CENSUS);
        assertThat(logged(amara)).isEqualTo(before);

        assertThat(api.get("returns", "/api/returns/sen2/placements.csv?censusDate=" + CENSUS).status())
                .isEqualTo(200);
        assertThat(logged(amara)).isEqualTo(before + 1);
        List<String> entries = new ArrayList<>();
        api.get("auditor", "/api/audit/access-log?user=returns").json().forEach(e -> entries.add(
                e.get("placementId").asText() + " " + e.get("endpoint").asText()));
        String endpoint = " /api/returns/sen2/placements.csv";
        assertThat(entries).contains(amara + endpoint, ben + endpoint, cal + endpoint);
        assertThat(entries).doesNotContain(dee + endpoint, eve + endpoint, fay + endpoint);

        // an administrator may download it too, and is logged as such
        assertThat(api.get("admin", "/api/returns/sen2/placements.csv?censusDate=" + CENSUS).status())
                .isEqualTo(200);
        JsonNode admin = api.get("auditor", "/api/audit/access-log?user=admin").json();
        List<String> adminEntries = new ArrayList<>();
        admin.forEach(e -> adminEntries.add(e.get("placementId").asText() + " " + e.get("endpoint").asText()));
        assertThat(adminEntries).contains(ben + endpoint);

        for (String refused : List.of("analyst", "caseworker", "auditor", "finance")) {
            assertThat(api.get(refused, "/api/returns/sen2/placements.csv").status()).as(refused).isEqualTo(403);
        }
    }

    /** How many times the access log has this placement read by the returns user. */
    private int logged(String placement) {
        int[] n = {0};
        api.get("auditor", "/api/audit/access-log?user=returns").json().forEach(e -> {
            if (e.get("placementId").asText().equals(placement)) {
                n[0]++;
            }
        });
        return n[0];
    }

    /** The lines of this authority's two schools. */
    private static List<String> mine(List<String> lines) {
        return lines.stream().filter(l -> l.contains("," + rbUrn + ",") || l.contains("," + unitUrn + ","))
                .toList();
    }

    private String provision(String type, String urn) {
        String id = Api.newProvisionId("SEN2");
        Api.Answer a = api.post("provision-admin", "/api/provisions",
                Api.provisionJson(id, type, 0, 11, "\"ASD\",\"SLCN\"", 6).replace("100001", urn)
                        .replace("2024-09-01", "2019-09-01"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return id;
    }

    private String refer(String upn, String given, String family, String born, String need, String secondary,
                         String on) {
        Api.Answer a = api.post("caseworker", "/api/placements", """
                {"pupil":{"upn":"%s","givenName":"%s","familyName":"%s","dateOfBirth":"%s"},
                 "yearGroup":3,"primaryNeed":"%s","secondaryNeeds":[%s],"ehcpStatus":"EHCP",
                 "homeSchoolUrn":"200002","referredOn":"%s"}""".formatted(upn, given, family, born, need, secondary,
                on));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asText();
    }

    private void admit(String placement, String provision, String offeredOn, String admittedOn) {
        Api.Answer offer = api.post("caseworker", "/api/placements/" + placement + "/offer",
                "{\"provisionId\":\"" + provision + "\",\"offeredOn\":\"" + offeredOn + "\"}");
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
        Api.Answer admitted = api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"" + admittedOn + "\"}");
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
    }
}
