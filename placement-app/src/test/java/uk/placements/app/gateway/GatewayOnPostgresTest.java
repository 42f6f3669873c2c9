package uk.placements.app.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import uk.placements.app.ServiceOnPostgres;
import uk.placements.command.http.Api;
import uk.placements.commandservice.PlacementCommandApplication;
import uk.placements.queryservice.PlacementQueryApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nginx gateway of {@code docker/} for real: Debian's nginx runs the shipped gateway configuration in front of a
 * command service and a query service (separate Spring contexts, as separate processes would be) on one PostgreSQL,
 * and a caseworker works through its single address. The second query instance the configuration names is down
 * (its address is a closed port), so every read also proves that nginx steps round a dead instance.
 */
class GatewayOnPostgresTest {

    @TempDir
    static Path nginxDir;

    private static ConfigurableApplicationContext command;
    private static ConfigurableApplicationContext query;
    private static final RequestLog commandRequests = new RequestLog();
    private static final RequestLog queryRequests = new RequestLog();
    private static NginxGateway nginx;
    private static Api gateway;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(NginxGateway.NGINX),
                "the gateway test needs Debian's nginx at /usr/sbin/nginx: apt-get install -y nginx (.ci/run installs it)");
        Path webClient = Path.of("target", "web-client");
        assertThat(webClient.resolve("index.html")).as("the build lays out the web client (process-resources)")
                .exists();
        command = start(PlacementCommandApplication.class, commandRequests);
        query = start(PlacementQueryApplication.class, queryRequests);
        String down = "127.0.0.1:" + NginxGateway.freePort();
        nginx = NginxGateway.start(nginxDir, Map.of(
                "placement-command:8080", "127.0.0.1:" + port(command),
                "placement-query-1:8080", "127.0.0.1:" + port(query),
                "placement-query-2:8080", down), webClient);
        gateway = new Api(nginx.port());
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        ServiceOnPostgres.close(command, query);
    }

    @Test
    void aCaseworkerWorksThroughTheGatewaysSingleAddress() {
        String provision = gateway.commission(Api.newProvisionId("GATEWAY"), "RESOURCE_BASE", 4);
        String placement = gateway.refer(Api.newUpn());
        String path = "/api/placements/" + placement;
        assertThat(gateway.offer(placement, provision).status()).isEqualTo(200);
        assertThat(write(path + "/admission", "{\"admittedOn\":\"2026-09-20\"}").status()).isEqualTo(200);
        assertThat(write(path + "/time-split", "{\"mainstreamPercent\":70,\"effectiveFrom\":\"2026-10-01\"}")
                .status()).isEqualTo(200);
        Api.Answer moved = write(path + "/move-to-mainstream", "{\"effectiveFrom\":\"2026-11-01\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        long version = moved.json().get("version").asLong();

        Api.Answer read = gateway.get("caseworker", path + "?minVersion=" + version);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("X-Stale")).as("the read model caught up within the wait").isNull();
        JsonNode body = read.json();
        assertThat(body.get("status").asText()).isEqualTo("MOVED_TO_MAINSTREAM");
        assertThat(read.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(commandRequests.writes()).as("the writes went to the command service")
                .contains("POST /api/placements", "POST " + path + "/offer", "POST " + path + "/admission",
                        "POST " + path + "/time-split", "POST " + path + "/move-to-mainstream",
                        "POST /api/provisions");
        assertThat(queryRequests.requests()).as("the read went to the query service")
                .contains("GET " + path);
        assertThat(queryRequests.writes()).as("no write reaches the query service except its own rebuilds and "
                        + "the GIAS reconciliation, which records nothing")
                .allMatch(w -> w.startsWith("POST /api/admin/projections/")
                        || w.startsWith("POST /api/returns/gias/reconciliation"));
        assertThat(commandRequests.requests()).as("no read reaches the command service")
                .noneMatch(r -> r.startsWith("GET /api/"));
    }

    /**
     * A GIAS extract goes to the query side, which reads the capacity ledger, and may be larger than the 256 KiB a
     * JSON body may be (docs/returns.md).
     */
    @Test
    void aGiasExtractLargerThanAJsonBodyIsReconciledByTheQueryService() {
        StringBuilder csv = new StringBuilder("URN,EstablishmentName,TypeOfResourcedProvision (name),"
                + "ResourcedProvisionCapacity,ResourcedProvisionOnRoll,SenUnitCapacity,SenUnitOnRoll\r\n");
        for (int urn = 300_000; csv.length() < 300 * 1024; urn++) {
            csv.append(urn).append(",A School Without A Unit Of Any Kind,Not applicable,,,,\r\n");
        }
        Api.Answer answer = gateway.send("analyst", "POST", "/api/returns/gias/reconciliation?asOf=2026-10-01",
                "text/csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("schoolsInExtract").asInt()).isGreaterThan(4_000);
        assertThat(queryRequests.writes()).contains("POST /api/returns/gias/reconciliation");
        assertThat(commandRequests.writes()).noneMatch(w -> w.contains("/api/returns/"));
    }

    @Test
    void theGatewayServesTheWebClientItself() {
        int before = queryRequests.requests().size() + commandRequests.requests().size();

        Api.Answer index = gateway.get(null, "/");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).startsWith("text/html");
        Matcher stylesheet = Pattern.compile("href=\"(/webjars/govuk-frontend/[^\"]+\\.css)\"").matcher(index.body());
        assertThat(stylesheet.find()).as("the sign-in page links GOV.UK Frontend's stylesheet").isTrue();
        Api.Answer css = gateway.get(null, stylesheet.group(1));
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.body()).contains(".govuk-");
        Api.Answer script = gateway.get(null, "/js/api.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(gateway.get(null, "/assets/images/favicon.ico").status())
                .as("GOV.UK Frontend's assets where its stylesheet looks for them").isEqualTo(200);
        assertThat(gateway.get(null, "/webjars/chart.js/4.5.1/dist/chart.umd.min.js").status()).isEqualTo(200);
        assertThat(queryRequests.requests().size() + commandRequests.requests().size())
                .as("no service was asked for the web client's files").isEqualTo(before);
    }

    @Test
    void theHealthCheckAnswersThroughTheGatewayWhileOneQueryInstanceIsDown() {
        for (int i = 0; i < 6; i++) {
            Api.Answer health = gateway.get(null, "/actuator/health");
            assertThat(health.status()).as(nginx.log()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
        }
        Api.Answer commandHealth = gateway.get(null, "/actuator/health/command");
        assertThat(commandHealth.status()).isEqualTo(200);
        assertThat(commandHealth.json().get("status").asText()).isEqualTo("UP");
        assertThat(commandRequests.requests()).contains("GET /actuator/health");
    }

    /** Every instance down: nginx's own error is problem details like every other error of the API, not HTML. */
    @Test
    void withEveryInstanceDownTheGatewayAnswersProblemDetails(@TempDir Path dir) throws IOException {
        Map<String, String> allDown = Map.of(
                "placement-command:8080", "127.0.0.1:" + NginxGateway.freePort(),
                "placement-query-1:8080", "127.0.0.1:" + NginxGateway.freePort(),
                "placement-query-2:8080", "127.0.0.1:" + NginxGateway.freePort());
        try (NginxGateway dead = NginxGateway.start(dir, allDown, Path.of("target", "web-client"))) {
            Api api = new Api(dead.port());
            for (Api.Answer answer : new Api.Answer[] {api.get("caseworker", "/api/provisions"),
                    api.post("caseworker", "/api/placements", "{}")}) {
                assertThat(answer.status()).as(dead.log()).isEqualTo(503);
                assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
                assertThat(answer.header("Retry-After")).isEqualTo("5");
                assertThat(answer.json().get("title").asText()).isEqualTo("Service unavailable");
                assertThat(answer.json().get("status").asInt()).isEqualTo(503);
            }
        }
    }

    @Test
    void aRebuildIsTheOneWriteThatGoesToTheQueryService() {
        Api.Answer unknown = gateway.post("admin", "/api/admin/projections/no-such-projection/rebuild", "{}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(queryRequests.writes()).contains("POST /api/admin/projections/no-such-projection/rebuild");
        assertThat(commandRequests.requests()).noneMatch(r -> r.contains("/api/admin/projections"));
    }

    private static Api.Answer write(String path, String json) {
        return gateway.post("caseworker", path, json);
    }

    private static ConfigurableApplicationContext start(Class<?> service, RequestLog requests) {
        return ServiceOnPostgres.start(new SpringApplicationBuilder(service)
                .initializers(c -> ((GenericApplicationContext) c).registerBean(RequestLog.class, () -> requests)),
                "gateway", "");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ServiceOnPostgres.port(context);
    }
}
