package uk.placements.app.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.app.PlacementsApplication;
import uk.placements.command.http.Api;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input (issue 7): thousands of random and malformed requests to every endpoint of API.md, over real
 * sockets to the real placement-app (Tomcat parses them), on a fresh in-memory database with a real placement,
 * provision and pupil to aim at. Whatever arrives, the answer is never a 5xx and never names a class or shows a
 * stack trace; anything but a success is problem details ({@code application/problem+json}) with its status; and
 * a refused request records no event.
 */
class HostileInputTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What only a stack trace, an exception message or a framework's own error page would show. */
    private static final List<String> LEAKS = List.of("Exception", "exception", "\tat ", "at uk.", "at org.",
            "at java.", "uk.placements.", "org.springframework", "com.fasterxml", "java.lang", "org.apache",
            "jakarta.", "Caused by", "Whitelabel", "Apache Tomcat", "SQL statement", "org.h2");

    private static ConfigurableApplicationContext app;
    private static RawHttp http;
    private static JdbcTemplate jdbc;
    private static HostileRequests requests;
    private static int port;
    private static String placement;
    private static String provision;

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(PlacementsApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:hostile-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--placements.crypto.master-key=" + KEY,
                "--logging.level.root=WARN");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        http = new RawHttp(port);
        jdbc = app.getBean(JdbcTemplate.class);
        Api api = new Api(port);
        provision = api.commission(Api.newProvisionId("HOSTILE"), "RESOURCE_BASE", 5);
        String upn = Api.newUpn();
        placement = api.refer(upn);
        requests = new HostileRequests(new HostileRequests.Fixtures(placement, provision, upn));
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 1_000)
    void writesWithHostileBodiesAndHeaders(@ForAll("writes") RawHttp.Request request) {
        check(request, true);
    }

    @Property(tries = 800)
    void readsWithHostileQueriesAndHeaders(@ForAll("reads") RawHttp.Request request) {
        check(request, true);
    }

    @Property(tries = 800)
    void anyEndpointAnyMethodMangledPaths(@ForAll("anything") RawHttp.Request request) {
        check(request, true);
    }

    @Property(tries = 60)
    void deeplyNestedJson(@ForAll("deeplyNested") RawHttp.Request request) {
        check(request, true);
    }

    /** Not HTTP at all in places: Tomcat may close the connection rather than answer, but never fails. */
    @Property(tries = 150)
    void brokenRequestLinesAndHeaders(@ForAll("brokenFraming") RawHttp.Request request) {
        check(request, false);
    }

    // The requests that found each bug fixed so far, kept as examples so that they are always sent.

    @Example
    void acceptingNothingTheApiWritesGetsA406WithProblemDetails() {
        expect(raw("GET", "/api/provisions", "caseworker", null, "Accept", "a/b/c"), 406);
    }

    @Example
    void traceAndUnknownMethodsAreMethodNotAllowedWithProblemDetails() {
        RawHttp.Answer trace = expect(raw("TRACE", "/api/provisions", "caseworker", null), 405);
        assertThat(trace.header("Allow")).contains("GET", "POST").doesNotContain("TRACE");
        expect(raw("TRACE", "/api/placements/" + placement, "analyst", null), 405);
        expect(raw("FOO", "/api/placements", "caseworker", null), 405);
        expect(raw("CONNECT", "/api/provisions", "caseworker", null), 405);
    }

    // Found by an outside OpenAPI fuzzer (issue 15).

    @Example
    void aPageWhoseOffsetOverflowsAnIntIsABadRequestNamingPage() {
        for (String list : List.of("/api/placements", "/api/provisions")) {
            RawHttp.Answer answer = expect(raw("GET", list + "?page=42949673&size=50", "caseworker", null), 400);
            assertThat(answer.text()).contains("\"field\":\"page\"");
            expect(raw("GET", list + "?page=2147483647&size=500", "caseworker", null), 400);
            RawHttp.Answer last = http.send(raw("GET", list + "?page=1000000&size=500", "caseworker", null));
            assertThat(last.status()).as(last.text()).isEqualTo(200);
            assertThat(json(last.text(), list).path("items")).isEmpty();
        }
    }

    @Example
    void theErrorPageAskedForDirectlyIsNotFoundAndNotInTheDocument() {
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            expect(raw(method, "/error", "caseworker", null), 404);
        }
        RawHttp.Answer document = http.send(raw("GET", "/v3/api-docs", "analyst", null));
        assertThat(document.status()).isEqualTo(200);
        assertThat(json(document.text(), "/v3/api-docs").path("paths").has("/error")).isFalse();
    }

    @Example
    void businessDatesOutsideTwoThousandTo2099AreRefusedWithAFieldError() {
        RawHttp.Answer referral = expect(raw("POST", "/api/placements", "caseworker",
                Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "0985-06-22"), "Content-Type", "application/json"),
                400);
        assertThat(referral.text()).contains("\"field\":\"referredOn\"", "2000-01-01");
        RawHttp.Answer provision = expect(raw("POST", "/api/provisions", "provision-admin",
                Api.provisionJson(Api.newProvisionId("OLD"), "RESOURCE_BASE", 0, 6, "\"ASD\"", 5)
                        .replace("2024-09-01", "0001-01-01"), "Content-Type", "application/json"), 400);
        assertThat(provision.text()).contains("\"field\":\"openedOn\"");
        RawHttp.Answer offer = expect(raw("POST", "/api/placements/" + placement + "/offer",
                "caseworker", "{\"provisionId\":\"" + provision
                        + "\",\"offeredOn\":\"2100-01-01\"}", "Content-Type", "application/json"), 400);
        assertThat(offer.text()).contains("\"field\":\"offeredOn\"");
    }

    @Example
    void aDateOfBirthOutsideTwoTo25YearsBeforeTheReferralIsRefusedWithAFieldError() {
        for (String born : List.of("1900-01-01", "2000-08-31", "2025-01-01")) {
            RawHttp.Answer answer = expect(raw("POST", "/api/placements", "caseworker",
                    Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "2026-09-01").replace("2017-05-14", born),
                    "Content-Type", "application/json"), 400);
            assertThat(answer.text()).as(born).contains("\"field\":\"pupil.dateOfBirth\"")
                    .doesNotContain(born);
        }
    }

    @Example
    void controlCharactersInNamesAndNotesAreRefusedWithAFieldError() {
        String referral = Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "2026-09-01");
        RawHttp.Answer name = expect(raw("POST", "/api/placements", "caseworker",
                referral.replace("Olivia", "Oli\\u0007via"), "Content-Type", "application/json"), 400);
        assertThat(name.text()).contains("\"field\":\"pupil.givenName\"");
        RawHttp.Answer tab = expect(raw("POST", "/api/placements", "caseworker",
                referral.replace("Hargreaves", "Har\\tgreaves"), "Content-Type", "application/json"), 400);
        assertThat(tab.text()).contains("\"field\":\"pupil.familyName\"");
        RawHttp.Answer note = expect(raw("POST", "/api/placements", "caseworker",
                referral.replace("\"referredOn\"", "\"note\":\"a\\u0000b\",\"referredOn\""),
                "Content-Type", "application/json"), 400);
        assertThat(note.text()).contains("\"field\":\"note\"");
        RawHttp.Answer provision = expect(raw("POST", "/api/provisions", "provision-admin",
                Api.provisionJson(Api.newProvisionId("CTRL"), "RESOURCE_BASE", 0, 6, "\"ASD\"", 5)
                        .replace("Host School", "Host\\u001bSchool"), "Content-Type", "application/json"), 400);
        assertThat(provision.text()).contains("\"field\":\"hostSchool.name\"");
        RawHttp.Answer lines = http.send(raw("POST", "/api/placements", "caseworker",
                Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "2026-09-01")
                        .replace("\"referredOn\"", "\"note\":\"first line\\nsecond\\tline\",\"referredOn\""),
                "Content-Type", "application/json"));
        assertThat(lines.status()).as("line breaks and tabs in a note: " + lines.text()).isEqualTo(201);
    }

    @Example
    void tomcatsOwnRefusalsAreProblemDetails() {
        expect(new RawHttp.Request(HostileRequests.latin1("GET"), HostileRequests.latin1("/api/provisions?page=\u00e9"),
                List.<byte[][]>of(HostileRequests.basic("caseworker", "demo")), null), 400);
        expect(raw("GET", "/api/placements", "caseworker", null, "X-Bad\u0000Name", "1"), 400);
    }

    @Example
    void anEmptyMultipartBodyIsAnUnsupportedMediaType() {
        expect(raw("POST", "/api/provisions", "provision-admin", "", "Content-Type", "multipart/form-data"), 415);
    }

    @Example
    void aRepeatedInstantParameterIsNamedNotPrintedAsAJavaArray() {
        RawHttp.Answer answer = expect(raw("GET", "/api/audit/access-log?from=99999999999999999999&from=", "auditor", null), 400);
        assertThat(answer.text()).contains("\"field\":\"from\"");
    }

    @Example
    void aControlCharacterInAParameterNameIsABadRequest() {
        expect(raw("GET", "/actuator/health?page%00", "admin", null), 400);
    }

    @Example
    void actuatorsBareErrorsAreProblemDetails() {
        expect(raw("GET", "/actuator/health/extra", "admin", null), 404);
    }

    @Example
    void aBlankAcceptHeaderReadsAsNone() {
        RawHttp.Answer answer = http.send(raw("GET", "/actuator/prometheus", "admin", null, "Accept", ""));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }

    @Example
    void aNoteAboutAnErasedPupilIsRefusedWith409() {
        Api api = new Api(port);
        String upn = Api.newUpn();
        String placement = api.refer(upn);
        String provision = api.commission(Api.newProvisionId("ERASED"), "RESOURCE_BASE", 5);
        assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        assertThat(api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-11\"}").status()).isEqualTo(200);
        assertThat(api.post("admin", "/api/admin/pupils/" + upn + "/erase", "{\"reason\":\"test\"}").status())
                .isEqualTo(200);
        expect(raw("POST", "/api/placements/" + placement + "/move-to-mainstream", "caseworker",
                "{\"effectiveFrom\":\"2026-10-01\",\"note\":\"thriving\"}", "Content-Type", "application/json"), 409);
    }

    private static RawHttp.Answer expect(RawHttp.Request request, int status) {
        RawHttp.Answer answer = check(request, true);
        assertThat(answer.status()).as(request.describe() + "\n=> " + answer.text()).isEqualTo(status);
        return answer;
    }

    /** A request with Basic credentials of {@code user}, a body (null: none) and headers as name, value pairs. */
    private static RawHttp.Request raw(String method, String target, String user, String body, String... headers) {
        List<byte[][]> all = new java.util.ArrayList<>();
        all.add(HostileRequests.basic(user, "demo"));
        for (int i = 0; i < headers.length; i += 2) {
            all.add(new byte[][]{HostileRequests.latin1(headers[i]), HostileRequests.latin1(headers[i + 1])});
        }
        return new RawHttp.Request(HostileRequests.latin1(method), HostileRequests.latin1(target), all,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<RawHttp.Request> writes() {
        return requests.writes();
    }

    @Provide
    Arbitrary<RawHttp.Request> reads() {
        return requests.reads();
    }

    @Provide
    Arbitrary<RawHttp.Request> anything() {
        return requests.anything();
    }

    @Provide
    Arbitrary<RawHttp.Request> deeplyNested() {
        return requests.deeplyNested();
    }

    @Provide
    Arbitrary<RawHttp.Request> brokenFraming() {
        return requests.brokenFraming();
    }

    private static RawHttp.Answer check(RawHttp.Request request, boolean mustAnswer) {
        long events = events();
        RawHttp.Answer answer = http.send(request);
        String what = request.describe() + "\n=> " + answer.status() + " " + answer.headers() + "\n"
                + clip(answer.text());
        if (answer.status() == 0) {
            assertThat(mustAnswer).as("no answer at all to\n" + what).isFalse();
            assertThat(events()).as("events recorded by an unanswered request\n" + what + newest()).isEqualTo(events);
            return answer;
        }
        assertThat(answer.status()).as(what).isLessThan(500);
        if (answer.status() / 100 == 2) {
            return answer; // a success shows data (metrics name exception types, events quote what was stored)
        }
        String text = answer.text();
        assertThat(LEAKS).as("internals in the answer to\n" + what).noneMatch(text::contains);
        assertThat(events()).as("events recorded by a refused request\n" + what + newest()).isEqualTo(events);
        if (answer.status() == 304 || RawHttp.latin1(request.method()).equals("HEAD")) {
            return answer;
        }
        assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
        JsonNode problem = json(answer.text(), what);
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(answer.status());
        assertThat(problem.path("title").asText()).as(what).isNotBlank();
        return answer;
    }

    private static long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    /** The latest events, to tell which request recorded them when a count does not add up. */
    private static String newest() {
        return "\nlatest events: " + jdbc.queryForList("SELECT globalIndex, payloadType, aggregateIdentifier, "
                + "timeStamp, CAST(metaData AS VARCHAR(2000)) AS meta FROM DomainEventEntry ORDER BY globalIndex DESC "
                + "LIMIT 3");
    }

    private static JsonNode json(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON:\n" + what);
        }
    }

    private static String clip(String s) {
        return s.length() <= 1_000 ? s : s.substring(0, 1_000) + "…";
    }
}
