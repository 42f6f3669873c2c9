package uk.placements.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Each module's defaults ({@code placement-edge.properties}, {@code placement-command.properties},
 * {@code placement-query.properties}, whichever are on the classpath) beneath everything else: application.yml,
 * profiles, environment variables and arguments all override them. Added while the environment is prepared, before
 * the logging system reads its levels: a {@code @PropertySource} arrives too late for {@code logging.*} (and
 * {@code spring.main.*}), so the quiet levels these files set for Axon's and Spring Security's noise never applied.
 * Registered in {@code META-INF/spring.factories}.
 */
public class ModuleDefaults implements EnvironmentPostProcessor, Ordered {

    static final List<String> FILES = List.of("placement-edge.properties", "placement-command.properties",
            "placement-query.properties");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (String file : FILES) {
            ClassPathResource resource = new ClassPathResource(file);
            String name = "module defaults: " + file;
            if (resource.exists() && !environment.getPropertySources().contains(name)) {
                try {
                    environment.getPropertySources().addLast(new ResourcePropertySource(name, resource));
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read " + file, e);
                }
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
