package uk.placements.edge.h2;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks {@code spring.datasource.url} as soon as the configuration is read (every file, profile, variable and
 * argument), before anything starts: a URL that asks H2 to delay writes stops the start-up there, with {@link
 * NonDurableDatabaseAnalyzer}'s plain report and nothing else. {@link DurableH2DataSources} then adds what the URL
 * lacks. Registered in {@code META-INF/spring.factories}.
 */
public class DurableH2Url implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        H2Urls.durable(environment.getProperty("spring.datasource.url"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
