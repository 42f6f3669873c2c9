package uk.placements.app.returns;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hand-written GIAS extract against an authority built here (docs/returns.md, "GIAS reconciliation"), on
 * 1 October 2026:
 * <ul>
 *     <li>school 1: a Resource Base of 4 places (6 from 15 October), 1 pupil; GIAS agrees;</li>
 *     <li>school 2: a SEN Unit of 6 places, 2 pupils; GIAS says 8 places;</li>
 *     <li>school 3: a Resource Base of 5 places, nobody on roll, and a SEN Unit of 3 places, 1 pupil; GIAS knows only
 *     the resourced provision, with 3 on roll;</li>
 *     <li>school 4: GIAS has a SEN unit (10 places, 9 on roll) the product does not;</li>
 *     <li>school 5: the product has a Resource Base of 2 places GIAS does not ("Not applicable");</li>
 *     <li>school 6: neither has anything: not reported;</li>
 *     <li>school 7: the product's SEN Unit of 3 places at a school the extract does not list.</li>
 * </ul>
 */
class GiasReconciliationTest extends AppTest {

    private static final AtomicInteger SCHOOLS = new AtomicInteger((int) (System.nanoTime() % 90_000));
    private static int builtOnPort;
    private static final String[] URN = new String[8];

    @BeforeEach
    void anAuthorityOfSevenSchools() {
        if (builtOnPort == port) {
            return;
        }
        for (int i = 1; i <= 7; i++) {
            URN[i] = Integer.toString(500_000 + SCHOOLS.incrementAndGet());
        }
        String base1 = provision("RESOURCE_BASE", URN[1], 4);
        admitted(base1, 1);
        Api.Answer places = api.put("provision-admin", "/api/provisions/" + base1 + "/places",
                "{\"commissionedPlaces\":6,\"effectiveFrom\":\"2026-10-15\",\"reason\":\"agreed at panel\"}");
        assertThat(places.status()).as(places.body()).isEqualTo(200);
        admitted(provision("SEN_UNIT", URN[2], 6), 2);
        provision("RESOURCE_BASE", URN[3], 5);
        admitted(provision("SEN_UNIT", URN[3], 3), 1);
        provision("RESOURCE_BASE", URN[5], 2);
        provision("SEN_UNIT", URN[7], 3);
        eventually(() -> jdbc.queryForObject("SELECT COUNT(*) FROM rm_capacity_ledger l JOIN rm_provision p "
                + "ON p.provision_id = l.provision_id WHERE p.host_urn = ? AND l.effective_from = DATE '2026-10-15'",
                Integer.class, URN[1]) == 1
                && jdbc.queryForObject("SELECT COALESCE(SUM(l.on_roll), 0) FROM rm_capacity_ledger l "
                + "JOIN rm_provision p ON p.provision_id = l.provision_id WHERE p.host_urn IN (?, ?, ?) "
                + "AND l.effective_from = DATE '2026-09-15'", Integer.class, URN[1], URN[2], URN[3]) == 4
                && jdbc.queryForObject("SELECT COUNT(*) FROM rm_provision WHERE host_urn IN (?, ?)", Integer.class,
                URN[5], URN[7]) == 2);
        builtOnPort = port;
    }

    private String extract() {
        return "URN,LA (code),EstablishmentName,EstablishmentStatus (name),TypeOfResourcedProvision (name),"
                + "ResourcedProvisionOnRoll,ResourcedProvisionCapacity,SenUnitOnRoll,SenUnitCapacity\r\n"
                + URN[1] + ",999,\"Agreeing Primary, Anytown\",Open,Resourced provision,1,4,,\r\n"
                + URN[2] + ",999,Unit Capacity Primary,Open,SEN unit,,,2,8\r\n"
                + URN[3] + ",999,Both Kinds Academy,Open,Resourced provision,3,5,,\r\n"
                + URN[4] + ",999,Unit Only In GIAS School,Open,SEN unit,,,9,10\r\n"
                + URN[5] + ",999,Base Only In Product School,Open,Not applicable,,,,\r\n"
                + URN[6] + ",999,Neither School,Open,Not applicable,,,,\r\n";
    }

    @Test
    void eachSchoolShowsWhatGiasSaysWhatTheProductSaysAndWhereTheyDisagree() {
        Api.Answer answer = reconcile("analyst", "2026-10-01", extract(), "text/csv");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("asOf").asText()).isEqualTo("2026-10-01");
        assertThat(report.get("schoolsInExtract").asInt()).isEqualTo(6);

        JsonNode one = school(report, 1);
        assertThat(one.get("agrees").asBoolean()).isTrue();
        assertThat(one.get("name").asText()).isEqualTo("Agreeing Primary, Anytown");
        assertThat(figures(one.get("gias"))).isEqualTo("Resourced provision 4 1 null null");
        assertThat(figures(one.get("product"))).isEqualTo("Resourced provision 4 1 0 0");
        assertThat(one.get("disagreements")).isEmpty();

        assertThat(disagreements(school(report, 2))).containsExactly("SenUnitCapacity: 8 / 6");
        assertThat(school(report, 2).get("agrees").asBoolean()).isFalse();

        JsonNode three = school(report, 3);
        assertThat(figures(three.get("product"))).isEqualTo("Resourced provision and SEN unit 5 0 3 1");
        assertThat(three.get("product").get("provisionIds")).hasSize(2);
        assertThat(disagreements(three)).containsExactly(
                "TypeOfResourcedProvision (name): Resourced provision / Resourced provision and SEN unit",
                "ResourcedProvisionOnRoll: 3 / 0", "SenUnitCapacity: null / 3", "SenUnitOnRoll: null / 1");

        assertThat(disagreements(school(report, 4))).containsExactly(
                "TypeOfResourcedProvision (name): SEN unit / Not applicable", "SenUnitCapacity: 10 / 0",
                "SenUnitOnRoll: 9 / 0");
        assertThat(disagreements(school(report, 5))).containsExactly(
                "TypeOfResourcedProvision (name): Not applicable / Resourced provision",
                "ResourcedProvisionCapacity: null / 2");
        assertThat(find(report, URN[6])).as("a school in neither").isNull();

        JsonNode seven = school(report, 7);
        assertThat(seven.get("gias").isNull()).as("not in the extract").isTrue();
        assertThat(seven.get("name").asText()).isEqualTo("Host School");
        assertThat(disagreements(seven)).containsExactly("TypeOfResourcedProvision (name): null / SEN unit",
                "SenUnitCapacity: null / 3");
        assertThat(report.get("schoolsAgreeing").asInt() + report.get("schoolsDisagreeing").asInt())
                .isEqualTo(report.get("schoolsCompared").asInt());
    }

    @Test
    void theProductsFiguresAreThoseOfTheExtractsDate() {
        // from 15 October school 1's base has 6 places: GIAS's 4 no longer agree
        JsonNode later = reconcile("returns", "2026-10-20", extract(), "text/csv").json();
        assertThat(disagreements(school(later, 1))).containsExactly("ResourcedProvisionCapacity: 4 / 6");
        // before the pupils were admitted (offered on 10 September, admitted on the 15th) nobody was on roll
        JsonNode before = reconcile("admin", "2026-09-12", extract(), "text/csv").json();
        assertThat(disagreements(school(before, 1))).containsExactly("ResourcedProvisionOnRoll: 1 / 0");
    }

    @Test
    void anExtractInAnotherCharsetIsReadWhenTheContentTypeNamesIt() {
        String csv = "URN,EstablishmentName,TypeOfResourcedProvision (name),ResourcedProvisionCapacity,"
                + "ResourcedProvisionOnRoll,SenUnitCapacity,SenUnitOnRoll\n"
                + URN[1] + ",Café Primary,Resourced provision,4,1,,\n";
        Charset cp1252 = Charset.forName("windows-1252");
        Api.Answer answer = api.send("returns", "POST", "/api/returns/gias/reconciliation?asOf=2026-10-01",
                "text/csv;charset=windows-1252", csv.getBytes(cp1252));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(school(answer.json(), 1).get("name").asText()).isEqualTo("Café Primary");
        // the same bytes said to be UTF-8 (the default) are not
        Api.Answer wrong = api.send("returns", "POST", "/api/returns/gias/reconciliation?asOf=2026-10-01",
                "text/csv", csv.getBytes(cp1252));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void aBadExtractIsRefusedNamingTheColumnAndTheLine() {
        Api.Answer missing = reconcile("returns", null, "URN,EstablishmentName,TypeOfResourcedProvision (name),"
                + "ResourcedProvisionCapacity,ResourcedProvisionOnRoll,SenUnitCapacity\n", "text/csv");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("SenUnitOnRoll");

        String notANumber = extract().replace(URN[2] + ",999,Unit Capacity Primary,Open,SEN unit,,,2,8",
                URN[2] + ",999,Unit Capacity Primary,Open,SEN unit,,,2,eight");
        Api.Answer bad = reconcile("returns", null, notANumber, "text/csv");
        assertThat(bad.status()).isEqualTo(400);
        JsonNode error = bad.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("SenUnitCapacity");
        assertThat(error.get("message").asText()).startsWith("line 3:").doesNotContain("eight");

        Api.Answer urn = reconcile("returns", null, extract().replace(URN[4], "12345"), "text/csv");
        assertThat(urn.status()).isEqualTo(400);
        assertThat(urn.json().get("errors").get(0).get("field").asText()).isEqualTo("URN");
        assertThat(urn.json().get("errors").get(0).get("message").asText()).startsWith("line 5:");

        Api.Answer twice = reconcile("returns", null, extract() + URN[1] + ",999,Again,Open,Not applicable,,,,\r\n",
                "text/csv");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("message").asText()).startsWith("line 8:");

        Api.Answer type = reconcile("returns", null, extract().replace("Open,SEN unit,,,9,10", "Open,Unit,,,9,10"),
                "text/csv");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().get("errors").get(0).get("field").asText())
                .isEqualTo("TypeOfResourcedProvision (name)");

        assertThat(reconcile("returns", null, "", "text/csv").status()).isEqualTo(400);
        assertThat(reconcile("returns", "2026-13-01", extract(), "text/csv").status()).isEqualTo(400);
        assertThat(reconcile("returns", null, "{\"urn\":\"100001\"}", "application/json").status())
                .isEqualTo(415);
    }

    @Test
    void anExtractOverTheLimitIsRefusedWith413() {
        StringBuilder big = new StringBuilder(extract());
        String filler = "999999,999,Padding School With A Long Name For Size,Open,Not applicable,,,,\r\n";
        while (big.length() <= 8 * 1024 * 1024) {
            big.append(filler);
        }
        Api.Answer answer = reconcile("returns", null, big.toString(), "text/csv");
        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    void whoMayReconcile() {
        for (String user : List.of("returns", "analyst", "admin")) {
            assertThat(reconcile(user, "2026-10-01", extract(), "text/csv").status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("caseworker", "auditor", "finance", "provision-admin")) {
            assertThat(reconcile(user, "2026-10-01", extract(), "text/csv").status()).as(user).isEqualTo(403);
        }
        assertThat(reconcile(null, "2026-10-01", extract(), "text/csv").status()).isEqualTo(401);
    }

    private Api.Answer reconcile(String user, String asOf, String csv, String type) {
        return api.send(user, "POST", "/api/returns/gias/reconciliation" + (asOf == null ? "" : "?asOf=" + asOf),
                type, csv.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode school(JsonNode report, int i) {
        JsonNode s = find(report, URN[i]);
        assertThat(s).as("school " + i + " in " + report).isNotNull();
        return s;
    }

    private static JsonNode find(JsonNode report, String urn) {
        for (JsonNode s : report.get("schools")) {
            if (s.get("urn").asText().equals(urn)) {
                return s;
            }
        }
        return null;
    }

    private static String figures(JsonNode f) {
        return f.get("typeOfResourcedProvision").asText() + " " + f.get("resourcedProvisionCapacity").asText() + " "
                + f.get("resourcedProvisionOnRoll").asText() + " " + f.get("senUnitCapacity").asText() + " "
                + f.get("senUnitOnRoll").asText();
    }

    private static List<String> disagreements(JsonNode school) {
        List<String> out = new ArrayList<>();
        school.get("disagreements").forEach(d -> out.add(d.get("item").asText() + ": " + d.get("gias").asText()
                + " / " + d.get("product").asText()));
        return out;
    }

    private String provision(String type, String urn, int places) {
        String id = Api.newProvisionId("GIAS");
        Api.Answer a = api.post("provision-admin", "/api/provisions",
                Api.provisionJson(id, type, 0, 6, "\"ASD\"", places).replace("100001", urn));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return id;
    }

    /** {@code pupils} referred on 1 September, offered a place on the 10th and admitted on the 15th. */
    private void admitted(String provision, int pupils) {
        for (int i = 0; i < pupils; i++) {
            String placement = api.refer(Api.newUpn());
            assertThat(api.offer(placement, provision).status()).isEqualTo(200);
            assertThat(api.post("caseworker", "/api/placements/" + placement + "/admission",
                    "{\"admittedOn\":\"2026-09-15\"}").status()).isEqualTo(200);
        }
    }
}
