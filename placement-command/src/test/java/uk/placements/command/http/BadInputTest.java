package uk.placements.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.placements.command.ApiTest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on every write endpoint of API.md: the documented 4xx with problem details naming the field, never a
 * 500 or a stack trace, and nothing recorded (no event, no pupil key, no lookup).
 */
class BadInputTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One write endpoint: a valid body, and the fields to break. */
    record Endpoint(String name, String user, String method, String path, String validBody, String requiredField,
                    String wrongTypeField, String enumField) {
        @Override
        public String toString() {
            return name;
        }
    }

    private String provision;
    private String placement;

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("commission", "provision-admin", "POST", "/api/provisions",
                        Api.provisionJson("BAD-INPUT-NEW", "RESOURCE_BASE", 0, 6, "\"ASD\"", 5),
                        "name", "commissionedPlaces", "type"),
                new Endpoint("change places", "provision-admin", "PUT", "/api/provisions/{provision}/places",
                        "{\"commissionedPlaces\":9,\"effectiveFrom\":\"2026-09-01\",\"reason\":\"more demand\"}",
                        "commissionedPlaces", "effectiveFrom", null),
                new Endpoint("staffing", "provision-admin", "POST", "/api/provisions/{provision}/staffing",
                        "{\"adults\":4,\"qualifiedTeachers\":1,\"therapyHoursPerWeek\":6.5,\"effectiveFrom\":\"2026-09-01\"}",
                        "adults", "qualifiedTeachers", null),
                new Endpoint("close", "provision-admin", "POST", "/api/provisions/{provision}/close",
                        "{\"closedOn\":\"2026-09-01\",\"reason\":\"decommissioned\"}", "closedOn", "closedOn", null),
                new Endpoint("refer", "caseworker", "POST", "/api/placements",
                        Api.referralJson("B801200005001", 3, "ASD", "EHCP", "2026-09-01"),
                        "yearGroup", "yearGroup", "primaryNeed"),
                new Endpoint("offer", "caseworker", "POST", "/api/placements/{placement}/offer",
                        "{\"provisionId\":\"{provision}\",\"offeredOn\":\"2026-09-10\"}",
                        "provisionId", "offeredOn", null),
                new Endpoint("decline offer", "caseworker", "POST", "/api/placements/{placement}/offer/decline",
                        "{\"on\":\"2026-09-10\",\"reason\":\"family chose another school\"}", "reason", "on", null),
                new Endpoint("withdraw offer", "caseworker", "POST", "/api/placements/{placement}/offer/withdraw",
                        "{\"on\":\"2026-09-10\",\"reason\":\"made in error\"}", "on", "reason", null),
                new Endpoint("admit", "caseworker", "POST", "/api/placements/{placement}/admission",
                        "{\"admittedOn\":\"2026-09-10\",\"mainstreamPercent\":50}", "admittedOn",
                        "mainstreamPercent", null),
                new Endpoint("time split", "caseworker", "POST", "/api/placements/{placement}/time-split",
                        "{\"mainstreamPercent\":60,\"effectiveFrom\":\"2026-10-01\"}", "mainstreamPercent",
                        "mainstreamPercent", null),
                new Endpoint("move to mainstream", "caseworker", "POST",
                        "/api/placements/{placement}/move-to-mainstream",
                        "{\"effectiveFrom\":\"2026-10-01\",\"note\":\"thriving\"}", "effectiveFrom", "effectiveFrom",
                        null),
                new Endpoint("end", "caseworker", "POST", "/api/placements/{placement}/end",
                        "{\"effectiveFrom\":\"2026-10-01\",\"reason\":\"LEFT_AREA\"}", "effectiveFrom",
                        "effectiveFrom", "reason"),
                new Endpoint("withdraw referral", "caseworker", "POST", "/api/placements/{placement}/withdraw",
                        "{\"on\":\"2026-10-01\",\"reason\":\"no longer needed\"}", "reason", "on", null));
    }

    @BeforeEach
    void createTargets() {
        provision = api.commission(Api.newProvisionId("BAD"), "RESOURCE_BASE", 4);
        placement = api.refer(Api.newUpn());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void malformedJsonIsRefusedWith400AndRecordsNothing(Endpoint e) {
        expectRefused(e, "application/json", "{\"broken\": ".getBytes(StandardCharsets.UTF_8), 400, "body");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void missingRequiredFieldIsRefusedWith400NamingIt(Endpoint e) throws Exception {
        ObjectNode body = body(e);
        body.remove(e.requiredField());
        expectRefused(e, "application/json", JSON.writeValueAsBytes(body), 400, e.requiredField());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void wrongTypedFieldIsRefusedWith400NamingIt(Endpoint e) throws Exception {
        ObjectNode body = body(e);
        body.set(e.wrongTypeField(), JSON.createObjectNode().put("nested", true));
        expectRefused(e, "application/json", JSON.writeValueAsBytes(body), 400, e.wrongTypeField());
    }

    static Stream<Endpoint> endpointsWithEnumFields() {
        return endpoints().filter(e -> e.enumField() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithEnumFields")
    void unknownEnumValueIsRefusedWith400NamingTheField(Endpoint e) throws Exception {
        ObjectNode body = body(e);
        body.put(e.enumField(), "NOT_A_VALUE");
        Api.Answer answer = expectRefused(e, "application/json", JSON.writeValueAsBytes(body), 400, e.enumField());
        assertThat(answer.body()).contains("must be one of");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void threeMegabyteBodyIsRefusedWith413(Endpoint e) {
        byte[] huge = new byte[3 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        expectRefused(e, "application/json", huge, 413, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void formBodyIsRefusedWith415(Endpoint e) {
        expectRefused(e, "application/x-www-form-urlencoded", "a=1&b=2".getBytes(StandardCharsets.UTF_8), 415, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void nullBodyValuesAreRefusedWith400(Endpoint e) {
        expectRefused(e, "application/json", "null".getBytes(StandardCharsets.UTF_8), 400, null);
    }

    @org.junit.jupiter.api.Test
    void referralWithAWrongUpnCheckLetterIsRefusedWith400AndRecordsNothing() throws Exception {
        Endpoint refer = endpoints().filter(e -> e.name().equals("refer")).findFirst().orElseThrow();
        ObjectNode body = body(refer);
        ((ObjectNode) body.get("pupil")).put("upn", "A801200005001");
        Api.Answer answer = expectRefused(refer, "application/json", JSON.writeValueAsBytes(body), 400, "pupil.upn");
        assertThat(answer.body()).doesNotContain("A801200005001");
    }

    private ObjectNode body(Endpoint e) throws Exception {
        return (ObjectNode) JSON.readTree(e.validBody().replace("{provision}", provision));
    }

    private Api.Answer expectRefused(Endpoint e, String contentType, byte[] body, int status, String field) {
        long events = eventCount();
        long pupils = jdbc.queryForObject("SELECT COUNT(*) FROM pupil_key", Long.class);
        String path = e.path().replace("{provision}", provision).replace("{placement}", placement);

        Api.Answer answer = api.send(e.user(), e.method(), path, contentType, body);

        assertThat(answer.status()).as(e.name() + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "org.springframework", "com.fasterxml");
        if (field != null) {
            List<String> fields = problem.get("errors").findValuesAsText("field");
            assertThat(fields).as(answer.body()).contains(field);
        }
        assertThat(eventCount()).as("events recorded by a refused request").isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pupil_key", Long.class)).isEqualTo(pupils);
        return answer;
    }
}
