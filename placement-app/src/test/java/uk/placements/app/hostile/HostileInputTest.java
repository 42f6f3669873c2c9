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
        String provision = api.commission(Api.newProvisionId("HOSTILE"), "RESOURCE_BASE", 5);
        String upn = Api.newUpn();
        String placement = api.refer(upn);
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
    void traceAndUnknownMethodsAreRefusedWithProblemDetails() {
        expect(raw("TRACE", "/api/provisions", "caseworker", null), 400);
        expect(raw("FOO", "/api/placements", "caseworker", null), 400);
        expect(raw("CONNECT", "/api/provisions", "caseworker", null), 405);
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
