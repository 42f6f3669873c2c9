package uk.placements.command.http;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.placements.command.ApiTest;
import uk.placements.edge.security.CachedCredentials;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Over real HTTP: sign-in cost, security headers, and problem details without internals for every kind of refusal. */
class HardeningTest extends ApiTest {

    @Autowired
    CachedCredentials credentials;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRepeatedSignInCostsNoPasswordHashAndAWrongPasswordIsStill401() {
        api.get("auditor", "/api/no-such-thing");
        long misses = credentials.misses();
        long hits = credentials.hits();

        assertThat(api.get("auditor", "/api/no-such-thing").status()).as("signed in").isEqualTo(404);
        assertThat(api.get("auditor", "/api/no-such-thing").status()).as("signed in").isEqualTo(404);
        assertThat(credentials.misses()).isEqualTo(misses);
        assertThat(credentials.hits()).isEqualTo(hits + 2);

        Api.Answer wrong = api.send(null, "GET", "/api/no-such-thing", null, null, "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("auditor:wrong".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(credentials.misses()).isEqualTo(misses + 1);
    }

    @Test
    void theSignInCacheIsVisibleAsAMetric() {
        api.get("auditor", "/api/no-such-thing");
        api.get("auditor", "/api/no-such-thing");
        assertThat(meters.get("placements.security.credential.cache").tag("result", "hit").functionCounter().count())
                .isEqualTo(credentials.hits()).isPositive();
        assertThat(meters.get("placements.security.credential.cache").tag("result", "miss").functionCounter().count())
                .isEqualTo(credentials.misses());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Api.Answer answer : List.of(api.get("caseworker", "/api/provisions"), api.get(null, "/api/provisions"),
                api.get("analyst", "/api/placements"), api.get("caseworker", "/api/no-such-thing"))) {
            assertThat(answer.header("Content-Security-Policy"))
                    .contains("default-src 'self'", "frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Set-Cookie")).as("stateless: no session").isNull();
        }
    }

    @Test
    void anUnknownPathIs404ProblemDetailsOnceSignedInAnd401Before() {
        Api.Answer unknown = api.get("caseworker", "/api/no-such-thing");
        assertProblem(unknown, 404);
        assertThat(unknown.body()).doesNotContain("static resource");
        assertProblem(api.get(null, "/api/no-such-thing"), 401);
    }

    @Test
    void aWrongMethodIs405ProblemDetails() {
        assertProblem(api.send("admin", "DELETE", "/api/provisions", null, null), 405);
    }

    @Test
    void anUnacceptableAcceptIs406ProblemDetails() {
        Api.Answer answer = api.post("caseworker", "/api/placements",
                Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "2026-09-01"), "Accept", "image/png");
        assertThat(answer.status()).isEqualTo(406);
        assertNoInternals(answer);
    }

    @Test
    void anUnsupportedContentTypeIs415ProblemDetails() {
        assertProblem(api.send("caseworker", "POST", "/api/placements", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8)), 415);
    }

    @Test
    void aRequestTheFirewallRejectsIs400ProblemDetails() {
        assertProblem(api.get("caseworker", "/api/provisions/%2e%2e/placements"), 400);
        assertProblem(api.get(null, "/api/provisions;jsessionid=x"), 400);
    }

    @Test
    void anOversizeBodyIs413OnEveryEndpointBeforeAnyoneSignsIn() {
        byte[] big = new byte[300_000];
        for (String path : List.of("/api/placements", "/api/admin/pupils/A123/erase", "/actuator/health",
                "/api/no-such-thing")) {
            assertProblem(api.send(null, "POST", path, "application/json", big), 413);
        }
    }

    @Test
    void aRoleRefusalIs403ProblemDetails() {
        assertProblem(api.get("analyst", "/api/placements"), 403);
    }

    private static void assertProblem(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertNoInternals(answer);
    }

    private static void assertNoInternals(Api.Answer answer) {
        assertThat(answer.body()).doesNotContainIgnoringCase("exception").doesNotContain("java.", "springframework",
                "trace", "\tat ", "uk.placements");
    }
}
