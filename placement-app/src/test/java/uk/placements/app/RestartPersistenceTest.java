package uk.placements.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.command.http.Api;
import uk.placements.shared.pupil.PupilVault;
import uk.placements.shared.placement.PupilId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded app keeps everything in its database (an H2 file here, PostgreSQL in the subclass): stop it, start it
 * again on the same database, nothing is lost.
 */
class RestartPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void eventsLookupsAndKeysSurviveARestartOnTheSameDatabase() {
        String upn = Api.newUpn();
        String placement;
        String provision = Api.newProvisionId("RESTART");
        try (ConfigurableApplicationContext app = start()) {
            Api api = new Api(port(app));
            api.commission(provision, "RESOURCE_BASE", 2);
            placement = api.refer(upn);
            assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext app = start()) {
            Api api = new Api(port(app));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                    Long.class, placement)).isEqualTo(2);

            assertThat(api.post("caseworker", "/api/placements", Api.referralJson(upn, 3, "ASD", "EHCP",
                    "2026-09-01")).rule()).as("the open-placement lookup survived").isEqualTo("R-ONE-OPEN");
            Api.Answer admitted = api.post("caseworker", "/api/placements/" + placement + "/admission",
                    "{\"admittedOn\":\"2026-09-20\"}", "If-Match", "\"1\"");
            assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);

            Map<String, Object> referred = jdbc.queryForMap("SELECT payload FROM DomainEventEntry "
                    + "WHERE aggregateIdentifier = ? AND sequenceNumber = 0", placement);
            String payload = new String((byte[]) referred.get("PAYLOAD"));
            String pupilId = payload.replaceAll(".*\"pupilId\":\"([^\"]+)\".*", "$1");
            String sealedUpn = payload.replaceAll(".*\"upn\":\"([^\"]+)\".*", "$1");
            assertThat(app.getBean(PupilVault.class).open(new PupilId(pupilId), sealedUpn))
                    .as("the master key file and the pupil's data key survived").isEqualTo(upn);
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--placements.crypto.master-key-file=" + dataDir.resolve("master.key")));
        args.addAll(database(dataDir));
        return new SpringApplicationBuilder(PlacementsApplication.class).run(args.toArray(String[]::new));
    }

    /** The arguments that choose the database: here an H2 file. */
    protected List<String> database(Path dataDir) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("placements") + ";WRITE_DELAY=0");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
