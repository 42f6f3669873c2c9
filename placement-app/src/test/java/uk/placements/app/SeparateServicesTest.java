package uk.placements.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.placements.command.http.Api;
import uk.placements.commandservice.PlacementCommandApplication;
import uk.placements.queryservice.PlacementQueryApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command service and the query service run apart against one database: a write through the one is read
 * through the other, and neither has the other's endpoints.
 */
class SeparateServicesTest {

    private static final String DATABASE = "jdbc:h2:mem:separate-services;DB_CLOSE_DELAY=-1";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void aWriteToTheCommandServiceIsReadFromTheQueryService() {
        try (ConfigurableApplicationContext command = start(PlacementCommandApplication.class);
             ConfigurableApplicationContext query = start(PlacementQueryApplication.class)) {
            Api writes = new Api(port(command));
            Api reads = new Api(port(query));
            String provision = writes.commission(Api.newProvisionId("APART"), "RESOURCE_BASE", 3);
            String upn = Api.newUpn();
            String placement = writes.refer(upn);
            long version = writes.offer(placement, provision).json().get("version").asLong();

            Api.Answer read = reads.get("caseworker", "/api/placements/" + placement + "?minVersion=" + version);

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("X-Stale")).isNull();
            JsonNode body = read.json();
            assertThat(body.get("status").asText()).isEqualTo("OFFERED");
            assertThat(body.get("pupil").get("upn").asText()).as("the query side opens the command side's seal")
                    .isEqualTo(upn);
            assertThat(reads.post("caseworker", "/api/placements", Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP",
                    "2026-09-01")).status()).as("no writes on the query service").isIn(404, 405);
            assertThat(writes.get("caseworker", "/api/placements/" + placement).status())
                    .as("no reads on the command service").isIn(404, 405);
        }
    }

    private static ConfigurableApplicationContext start(Class<?> service) {
        return new SpringApplicationBuilder(service).run("--server.port=0", "--spring.datasource.url=" + DATABASE,
                "--placements.crypto.master-key=" + KEY, "--spring.jmx.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
