package uk.placements.app;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.placements.command.postgres.EmbeddedPostgresDatabase;

import java.util.ArrayList;
import java.util.List;

/**
 * A command or query service started on its own, as its own process would be (its own Spring context, a free port),
 * with the {@code postgres} profile and the database given as {@code PLACEMENTS_DB_*} as in production, on the
 * embedded PostgreSQL. Closed before the embedded server stops.
 */
public final class ServiceOnPostgres {

    public static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private ServiceOnPostgres() {
    }

    /** {@code profiles} are added to postgres; {@code arguments} to the usual ones. */
    public static ConfigurableApplicationContext start(SpringApplicationBuilder service, String database,
                                                       String profiles, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.profiles.active=postgres" + (profiles.isEmpty() ? "" : "," + profiles),
                "--PLACEMENTS_DB_URL=" + EmbeddedPostgresDatabase.jdbcUrl(database),
                "--PLACEMENTS_DB_USER=postgres", "--PLACEMENTS_DB_PASSWORD=",
                "--placements.crypto.master-key=" + MASTER_KEY, "--spring.jmx.enabled=false",
                "--placements.demo.users=true"));
        args.addAll(List.of(arguments));
        ConfigurableApplicationContext context = service.run(args.toArray(String[]::new));
        EmbeddedPostgresDatabase.closeBeforeStopping(context);
        return context;
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Closes what was started, last first; nulls (a start that failed) are passed over. */
    public static void close(ConfigurableApplicationContext... services) {
        for (int i = services.length - 1; i >= 0; i--) {
            if (services[i] != null) {
                services[i].close();
            }
        }
    }
}
