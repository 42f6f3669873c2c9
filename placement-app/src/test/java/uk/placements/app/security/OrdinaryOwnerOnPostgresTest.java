package uk.placements.app.security;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import uk.placements.app.ServiceOnPostgres;
import uk.placements.command.http.Api;
import uk.placements.commandservice.PlacementCommandApplication;
import uk.placements.query.config.ReportingRole;
import uk.placements.queryservice.PlacementQueryApplication;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The services on a database whose owner is an ordinary user, as on a managed PostgreSQL: no superuser, no CREATEROLE.
 * Seen before: the query services exited during start-up ("permission denied to create role") because the reporting
 * views' migration created the cluster-wide reporting role. Now creating that role is an operator's one step as a
 * superuser; without it the query service refuses to start with one line naming the statement; with it both services
 * start as the ordinary owner and the views are granted to the role. A server of its own: roles are cluster-wide, and
 * the shared embedded server's other tests create this one as superuser.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrdinaryOwnerOnPostgresTest {

    private static EmbeddedPostgres server;
    private static String url;

    @BeforeAll
    static void aDatabaseOwnedByAnOrdinaryUser() throws Exception {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        asSuperuser("postgres", "CREATE ROLE placements_owner LOGIN PASSWORD 'owner-pass' NOSUPERUSER NOCREATEROLE");
        asSuperuser("postgres", "CREATE DATABASE placements OWNER placements_owner");
        url = "jdbc:postgresql://localhost:" + server.getPort() + "/placements"; // no user in the URL: the owner signs in
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void withoutTheOperatorsStepTheQueryServiceRefusesWithOneLineThenStartsOnceTheRoleExists(CapturedOutput output)
            throws Exception {
        assertThatThrownBy(() -> start(PlacementQueryApplication.class)).rootCause()
                .isInstanceOf(ReportingRole.Missing.class)
                .hasMessage("the reporting role placements_reporting does not exist and the database user "
                        + "placements_owner may not create roles");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("CREATE ROLE placements_reporting NOLOGIN;");

        asSuperuser("placements", "CREATE ROLE placements_reporting NOLOGIN");
        ConfigurableApplicationContext command = start(PlacementCommandApplication.class);
        ConfigurableApplicationContext query = start(PlacementQueryApplication.class);
        try {
            assertThat(new Api(ServiceOnPostgres.port(query)).get("analyst", "/api/dashboard/capacity").status())
                    .isEqualTo(200);
            try (Connection c = server.getDatabase("postgres", "placements").getConnection();
                 Statement s = c.createStatement();
                 ResultSet granted = s.executeQuery("SELECT has_table_privilege('placements_reporting', "
                         + "'report_provision', 'SELECT'), (SELECT tableowner FROM pg_tables WHERE tablename = "
                         + "'rm_placement')")) {
                granted.next();
                assertThat(granted.getBoolean(1)).as("the views are granted to the reporting role").isTrue();
                assertThat(granted.getString(2)).as("the tables belong to the ordinary owner")
                        .isEqualTo("placements_owner");
            }
        } finally {
            ServiceOnPostgres.close(command, query);
        }
    }

    private static ConfigurableApplicationContext start(Class<?> service) {
        return new SpringApplicationBuilder(service).run("--server.port=0", "--spring.profiles.active=postgres",
                "--PLACEMENTS_DB_URL=" + url, "--PLACEMENTS_DB_USER=placements_owner",
                "--PLACEMENTS_DB_PASSWORD=owner-pass", "--placements.crypto.master-key=" + ServiceOnPostgres.MASTER_KEY,
                "--spring.jmx.enabled=false", "--placements.demo.users=true");
    }

    private static void asSuperuser(String database, String sql) throws SQLException {
        try (Connection c = server.getDatabase("postgres", database).getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
