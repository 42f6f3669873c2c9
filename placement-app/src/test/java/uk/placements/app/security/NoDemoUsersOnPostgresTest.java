package uk.placements.app.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import uk.placements.app.ServiceOnPostgres;
import uk.placements.command.http.Api;
import uk.placements.command.postgres.EmbeddedPostgresDatabase;
import uk.placements.queryservice.PlacementQueryApplication;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the embedded default no demo user exists unless enabled explicitly: a query service with the
 * {@code postgres} profile, as deployed, lets in only the user it was configured with; with no user at all it
 * refuses to start with one line. (Seen before: the postgres and axonserver profiles kept the five demo users, admin
 * included, and compose gave them all one password.)
 */
@ExtendWith(OutputCaptureExtension.class)
class NoDemoUsersOnPostgresTest {

    @Test
    void onlyTheConfiguredUserSignsInAndNoDemoUserDoes() {
        ConfigurableApplicationContext query = start("--placements.users.head-of-send.password=a long passphrase",
                "--placements.users.head-of-send.roles=ADMIN");
        try {
            Api api = new Api(ServiceOnPostgres.port(query));
            for (String demo : new String[] {"caseworker", "provision-admin", "auditor", "analyst", "admin", "finance",
                "returns"}) {
                assertThat(api.get(demo, "/api/provisions").status()).as(demo + " with the demo password")
                        .isEqualTo(401);
            }
            Api.Answer configured = api.send(null, "GET", "/api/admin/projections", null, null, "Authorization",
                    "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "head-of-send:a long passphrase".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(configured.status()).as(configured.body()).isEqualTo(200);
        } finally {
            query.close();
        }
    }

    @Test
    void withNoUserAtAllTheServiceRefusesToStartWithOneLine(CapturedOutput output) {
        assertThatThrownBy(() -> start()).hasRootCauseMessage("no user can sign in: configure users "
                + "(placements.users.<name>.password and .roles, e.g. PLACEMENTS_USERS_ADMIN_PASSWORD and "
                + "PLACEMENTS_USERS_ADMIN_ROLES=ADMIN), use the oidc profile, or enable the demo users explicitly "
                + "(placements.demo.users=true)");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("Refusing to start: no user can "
                + "sign in");
    }

    private static ConfigurableApplicationContext start(String... users) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=postgres",
                "--PLACEMENTS_DB_URL=" + EmbeddedPostgresDatabase.jdbcUrl("no_demo_users"),
                "--PLACEMENTS_DB_USER=postgres", "--PLACEMENTS_DB_PASSWORD=",
                "--placements.crypto.master-key=" + ServiceOnPostgres.MASTER_KEY, "--spring.jmx.enabled=false"));
        args.addAll(List.of(users));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PlacementQueryApplication.class)
                .run(args.toArray(String[]::new));
        EmbeddedPostgresDatabase.closeBeforeStopping(context);
        return context;
    }
}
