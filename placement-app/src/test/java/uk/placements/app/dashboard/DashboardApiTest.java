package uk.placements.app.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.query.operations.ProjectionOperations;
import uk.placements.app.PlacementsApplication;
import uk.placements.app.contract.TrafficAgainstTheDocument;
import uk.placements.command.http.Api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Dashboards and reports over real HTTP and the real (in-memory) H2 database: access, CSV content, live stream. */
@SpringBootTest(classes = PlacementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:dashboards-api;DB_CLOSE_DELAY=-1",
                "placements.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
        })
@ExtendWith(TrafficAgainstTheDocument.class) // every request and answer is held to the API document
class DashboardApiTest {

    private static final List<String> PATHS = List.of("/api/dashboard/capacity", "/api/dashboard/waiting-list",
            "/api/dashboard/inclusion", "/api/reports/placements.csv", "/api/reports/capacity.csv");

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ProjectionOperations operations;
    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void analystsAndAdminsReadDashboardsAndReportsWhileOtherRolesAreRefused() {
        for (String path : PATHS) {
            assertThat(api.get("analyst", path).status()).as(path).isEqualTo(200);
            assertThat(api.get("admin", path).status()).as(path).isEqualTo(200);
            assertThat(api.get("caseworker", path).status()).as(path).isEqualTo(403);
            assertThat(api.get("auditor", path).status()).as(path).isEqualTo(403);
            assertThat(api.get("provision-admin", path).status()).as(path).isEqualTo(403);
            assertThat(api.get(null, path).status()).as(path).isEqualTo(401);
        }
        // the live stream is open to every signed-in role (its rows are the figures GET /api/provisions shows them):
        // RoleMatrixTest covers it; here only that it is not open to anonymous callers
        assertThat(api.get(null, "/api/dashboard/capacity/stream").status()).isEqualTo(401);
    }

    @Test
    void aDateThatIsNotADateIsABadRequest() {
        for (String path : PATHS) {
            for (String asOf : List.of("2026-13-01", "yesterday", "01/05/2026")) {
                Api.Answer answer = api.get("analyst", path + "?asOf=" + asOf);
                assertThat(answer.status()).as(path + " " + asOf).isEqualTo(400);
                assertThat(answer.header("content-type")).startsWith("application/problem+json");
                assertThat(answer.json().get("detail").asText()).contains("asOf");
            }
        }
    }

    @Test
    void csvReportsShowPupilsByPlacementIdOnlyAndEqualTheReportingViews() {
        String provision = api.commission(Api.newProvisionId("RB"), "RESOURCE_BASE", 4);
        String upn = Api.newUpn();
        String admitted = admitted(provision, upn);
        String waitingUpn = Api.newUpn();
        String waiting = api.refer(waitingUpn);
        ReadModels.awaitCaughtUp(jdbc, operations, Duration.ofSeconds(20));
        LocalDate today = jdbc.queryForObject("SELECT CURRENT_DATE", LocalDate.class);

        String placements = csvBody("/api/reports/placements.csv?asOf=" + today);
        String capacity = csvBody("/api/reports/capacity.csv?asOf=" + today);

        assertThat(placements).contains(admitted, waiting);
        for (String csv : List.of(placements, capacity)) {
            assertThat(csv).doesNotContain(upn, waitingUpn, "Olivia", "Hargreaves", "2017-05-14")
                    .doesNotContainIgnoringCase("upn").doesNotContainIgnoringCase("given_name")
                    .doesNotContainIgnoringCase("family_name").doesNotContainIgnoringCase("birth");
        }
        assertThat(parse(placements)).isEqualTo(view("""
                SELECT placement_id, status, valid_from AS status_since, year_group, primary_need, ehcp_status,
                    provision_id, provision_type, mainstream_percent, below_integration_band,
                    outside_designated_need, over_capacity, referred_on, offered_on, admitted_on
                FROM report_placement_period
                WHERE status IN ('REFERRED', 'OFFERED', 'ADMITTED')
                    AND valid_from <= CURRENT_DATE AND (valid_to IS NULL OR valid_to > CURRENT_DATE)
                ORDER BY placement_id"""));
        assertThat(parse(capacity)).isEqualTo(view("SELECT * FROM report_capacity_now ORDER BY provision_id"));
        assertThat(parse(capacity)).anyMatch(row -> row.containsAll(List.of(provision, "4", "1", "0", "3")));

        // the dashboard reads the same rows in force, with the provisions' names put together apart: the same rows
        List<List<String>> dashboard = new ArrayList<>();
        api.get("analyst", "/api/dashboard/capacity?asOf=" + today).json().get("provisions").forEach(p -> {
            JsonNode f = p.get("figures");
            dashboard.add(List.of(today.toString(), p.get("provisionId").asText(), p.get("name").asText(),
                    p.get("type").asText(), p.get("phase").asText(),
                    String.join(",", jsonTexts(p.get("designatedNeeds"))),
                    f.get("commissioned").asText(), f.get("onRoll").asText(), f.get("offersOutstanding").asText(),
                    f.get("vacancies").asText(), f.get("overCapacity").asText(),
                    f.get("outsideDesignatedNeed").asText()));
        });
        assertThat(dashboard).hasSizeGreaterThan(0).isEqualTo(parse(capacity).subList(1, parse(capacity).size()));
    }

    private static List<String> jsonTexts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    @Test
    void anOfferBeyondCommissionedPlacesShowsAsOverCapacityWithTheDecisionButNotItsReason() {
        String provision = api.commission(Api.newProvisionId("RB"), "RESOURCE_BASE", 1);
        assertThat(api.offer(api.refer(Api.newUpn()), provision).status()).isEqualTo(200);
        String beyond = api.refer(Api.newUpn());
        Api.Answer offer = api.post("caseworker", "/api/placements/" + beyond + "/offer", """
                {"provisionId":"%s","offeredOn":"2026-09-12","overCapacityDecision":
                 {"reason":"Named in the EHC plan of Olivia Hargreaves","decidedBy":"Head of SEN"}}"""
                .formatted(provision));
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
        ReadModels.awaitCaughtUp(jdbc, operations, Duration.ofSeconds(20));

        Api.Answer answer = api.get("analyst", "/api/dashboard/capacity?asOf=2026-09-12");

        assertThat(answer.body()).doesNotContain("Olivia", "Hargreaves", "EHC plan");
        JsonNode row = rowOf(answer, provision);
        assertThat(row.get("figures").get("commissioned").asInt()).isEqualTo(1);
        assertThat(row.get("figures").get("offersOutstanding").asInt()).isEqualTo(2);
        assertThat(row.get("figures").get("vacancies").asInt()).isZero();
        assertThat(row.get("figures").get("overCapacity").asInt()).isEqualTo(1);
        assertThat(row.get("overCapacityFlag").asBoolean()).isTrue();
        assertThat(row.get("overCapacityDecisions")).hasSize(1);
        assertThat(row.get("overCapacityDecisions").get(0).get("placementId").asText()).isEqualTo(beyond);
        assertThat(row.get("overCapacityDecisions").get(0).get("decidedBy").asText()).isEqualTo("Head of SEN");
        JsonNode before = rowOf(api.get("analyst", "/api/dashboard/capacity?asOf=2026-09-11"), provision);
        assertThat(before.get("figures").get("offersOutstanding").asInt()).isEqualTo(1);
        assertThat(before.get("overCapacityDecisions")).isEmpty();
    }

    private static JsonNode rowOf(Api.Answer answer, String provision) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        for (JsonNode row : answer.json().get("provisions")) {
            if (row.get("provisionId").asText().equals(provision)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + provision + " in " + answer.body());
    }

    @Test
    void theReportingViewsHoldNoPersonalDataAndTheReportingRoleMayReadThemOnly() {
        List<String> columns = jdbc.queryForList("""
                SELECT LOWER(COLUMN_NAME) FROM INFORMATION_SCHEMA.COLUMNS
                WHERE LOWER(TABLE_NAME) LIKE 'report\\_%' ESCAPE '\\'""", String.class);
        assertThat(columns).contains("placement_id").doesNotContain("upn", "given_name", "family_name",
                "date_of_birth", "pupil_id", "reason", "need_override_reason", "over_capacity_reason", "search_text", "detail");
        List<String> granted = jdbc.queryForList("""
                SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLE_PRIVILEGES
                WHERE UPPER(GRANTEE) = 'PLACEMENTS_REPORTING' AND PRIVILEGE_TYPE = 'SELECT'""", String.class);
        assertThat(granted).containsExactlyInAnyOrder("report_placement_period", "report_placement_milestone",
                "report_provision", "report_provision_change", "report_over_capacity_decision",
                "report_capacity_now", "report_capacity_ledger");
    }

    @Test
    void theLiveStreamSendsAProvisionsRowWhenAnOfferIsMade() throws Exception {
        String provision = api.commission(Api.newProvisionId("RB"), "RESOURCE_BASE", 3);
        String placement = api.refer(Api.newUpn());
        ReadModels.awaitCaughtUp(jdbc, operations, Duration.ofSeconds(20));
        try (CapacityStream stream = CapacityStream.open(port, "analyst")) {
            stream.await("snapshot", provision, "\"offersOutstanding\":0");

            assertThat(api.offer(placement, provision).status()).isEqualTo(200);

            stream.await("capacity", provision, "\"offersOutstanding\":1");
        }
    }

    private String admitted(String provision, String upn) {
        String placement = api.refer(upn);
        assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        Api.Answer admission = api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-15\"}");
        assertThat(admission.status()).as(admission.body()).isEqualTo(200);
        return placement;
    }

    private String csvBody(String path) {
        Api.Answer answer = api.get("analyst", path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("content-type")).startsWith("text/csv");
        return answer.body();
    }

    /** The header and rows of a view query, each value as the CSV writes it. */
    private List<List<String>> view(String sql) {
        List<List<String>> table = new ArrayList<>();
        jdbc.query(sql, rs -> {
            if (table.isEmpty()) {
                List<String> header = new ArrayList<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    header.add(rs.getMetaData().getColumnLabel(c).toLowerCase());
                }
                table.add(header);
            }
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= table.get(0).size(); c++) {
                Object value = rs.getObject(c);
                row.add(value == null ? "" : value.toString());
            }
            table.add(row);
        });
        return table;
    }

    /** RFC 4180: comma-separated, CRLF lines, double quotes around fields that need them. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
