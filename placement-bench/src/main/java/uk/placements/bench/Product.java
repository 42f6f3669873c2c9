package uk.placements.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.placements.app.PlacementsApplication;
import uk.placements.query.operations.ProjectionOperations;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real placement-app, command and query sides, started in this process as a Spring context on a random port,
 * against one benchmark database. Everything the product configures applies; the benchmark only names the
 * database, a fixed master key and the snapshot threshold, and keeps its own JPA classes (the storage-engine
 * comparison) out of the product's context.
 */
final class Product implements AutoCloseable {

    static final String PASSWORD = "bench-password";

    private final ConfigurableApplicationContext context;

    private Product(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static Product start(Database database, String url, int snapshotThreshold) {
        Map<String, Object> properties = new HashMap<>(database.productProperties(url));
        properties.put("server.port", "0");
        properties.put("placements.crypto.master-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        properties.put("placements.demo.password", PASSWORD);
        properties.put("placements.demo.users", "true"); // signs in as the demo users on PostgreSQL too
        properties.put("placements.snapshots.provision-threshold", String.valueOf(snapshotThreshold));
        properties.put("spring.autoconfigure.exclude",
                "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        // Axon reads this one as a system property only (PlacementsApplication.main sets it; main is not run here):
        // as an argument it left Axon asking get.axoniq.io every minute, with a stack trace each time.
        System.setProperty("axoniq.update-checker.disabled", "true");
        // As command-line arguments: they win over the product's application.yml, as an operator's would.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new Product(new SpringApplicationBuilder(PlacementsApplication.class)
                .web(WebApplicationType.SERVLET).run(args));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    CommandGateway gateway() {
        return bean(CommandGateway.class);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(bean(PlatformTransactionManager.class));
    }

    ProjectionOperations projections() {
        return bean(ProjectionOperations.class);
    }

    long events() {
        Long max = jdbc().queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return max == null ? 0 : max;
    }

    /** Waits until every read model has processed every event. */
    void awaitProjections(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!projections().status().stream().allMatch(s -> s.lag() == 0 && !s.replaying())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections did not catch up: " + projections().status());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
