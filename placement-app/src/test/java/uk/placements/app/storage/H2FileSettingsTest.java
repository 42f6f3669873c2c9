package uk.placements.app.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.app.PlacementsApplication;
import uk.placements.command.http.Api;
import uk.placements.edge.h2.H2Housekeeping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded app on an H2 file given by a bare URL, as an operator overrides it: the database it runs on does not
 * delay writes, keeps no superseded chunks, and with {@code placements.h2.sync-every-command=true} forces the file
 * to the disk once for each command before answering (and not at all without it, the interval being switched off
 * here so that only commands count).
 */
class H2FileSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void theDatabaseRunsWithoutWriteDelayOrRetentionWhateverTheUrlSaid() {
        try (ConfigurableApplicationContext app = start("--placements.h2.sync-interval=0s")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(setting(jdbc, "WRITE_DELAY")).isEqualTo("0");
            assertThat(setting(jdbc, "RETENTION_TIME")).isEqualTo("0");
            assertThat(app.getBean(H2Housekeeping.class).active()).isTrue();
        }
    }

    @Test
    void eachCommandForcesTheFileToDiskBeforeItsAnswerWhenAskedTo() {
        try (ConfigurableApplicationContext app = start("--placements.h2.sync-interval=0s",
                "--placements.h2.sync-every-command=true")) {
            H2Housekeeping housekeeping = app.getBean(H2Housekeeping.class);
            Api api = new Api(port(app));
            long before = housekeeping.syncs();
            api.commission(Api.newProvisionId("SYNC"), "RESOURCE_BASE", 2);
            long afterOne = housekeeping.syncs();
            api.refer(Api.newUpn());
            api.refer(Api.newUpn());
            assertThat(afterOne - before).as("syncs done by the time the first answer arrived").isEqualTo(1);
            assertThat(housekeeping.syncs() - before).isEqualTo(3);
        }
        try (ConfigurableApplicationContext app = start("--placements.h2.sync-interval=0s")) {
            Api api = new Api(port(app));
            api.refer(Api.newUpn());
            assertThat(app.getBean(H2Housekeeping.class).syncs()).as("no sync per command by default").isZero();
        }
    }

    /** The value in force: the last of H2's rows for the setting (see H2Housekeeping.setting). */
    private static String setting(JdbcTemplate jdbc, String name) {
        List<String> rows = jdbc.queryForList("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME = ?", String.class, name);
        return rows.get(rows.size() - 1);
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--placements.crypto.master-key-file=" + dataDir.resolve("master.key"),
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("placements")));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(PlacementsApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
