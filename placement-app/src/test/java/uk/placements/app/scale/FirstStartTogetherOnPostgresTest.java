package uk.placements.app.scale;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import uk.placements.command.postgres.EmbeddedPostgresDatabase;
import uk.placements.query.operations.StorageIdentifier;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several services started at the same moment on one empty database (as {@code docker/compose.yaml} starts two query
 * replicas): every one of them starts. Seen with Axon Server: one query service died during start-up with
 * "Exception while attempting to initialize the config token. It may have been concurrently initialized."
 */
class FirstStartTogetherOnPostgresTest {

    /**
     * The race itself, made to happen every time: store A reads no config token, then, just before A inserts one,
     * store B (another service) creates it. Axon's store alone fails; {@link StorageIdentifier} reads B's.
     */
    @Test
    void aServiceThatLosesTheRaceToCreateTheTokenStoresIdentityReadsTheWinners() throws Exception {
        String url = EmbeddedPostgresDatabase.jdbcUrl("identity_race");
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(new String(getClass().getResourceAsStream("/db/eventstore/postgresql/V1__event_store.sql")
                    .readAllBytes(), StandardCharsets.UTF_8));
        }
        TokenStore winner = store(() -> DriverManager.getConnection(url, "postgres", ""));
        AtomicBoolean raced = new AtomicBoolean();
        TokenStore loser = store(() -> beatenToTheInsert(DriverManager.getConnection(url, "postgres", ""), winner,
                raced));

        assertThatThrownBy(loser::retrieveStorageIdentifier).as("Axon's store on its own, losing the race")
                .isInstanceOf(UnableToRetrieveIdentifierException.class);
        assertThat(raced).isTrue();

        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DELETE FROM TokenEntry");
        }
        raced.set(false);
        String loserSees = StorageIdentifier.initialize(loser);

        assertThat(raced).as("the race happened again").isTrue();
        assertThat(loserSees).isEqualTo(winner.retrieveStorageIdentifier().orElseThrow());
    }

    /**
     * The real services: a command service and two query services started together, three times on empty databases.
     * They share this JVM, whose logging Spring Boot would initialise from each of them at once (not thread-safe, and
     * nothing separate processes share): it is left as it is meanwhile. scripts/topology-check.sh starts them as
     * processes.
     */
    @Test
    void aCommandServiceAndTwoQueryServicesStartedTogetherOnAnEmptyDatabaseAllStart() throws Exception {
        String loggingSystem = System.getProperty(LOGGING_SYSTEM);
        System.setProperty(LOGGING_SYSTEM, "none");
        try {
            startTogetherThreeTimes();
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, loggingSystem);
            }
        }
    }

    private static final String LOGGING_SYSTEM = org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY;

    private void startTogetherThreeTimes() throws Exception {
        for (int round = 1; round <= 3; round++) {
            try (ScaledOut services = new ScaledOut("first_start_" + round)) {
                ExecutorService starting = Executors.newFixedThreadPool(3);
                List<Future<ConfigurableApplicationContext>> all = new ArrayList<>();
                all.add(starting.submit(() -> services.query()));
                all.add(starting.submit(() -> services.query()));
                all.add(starting.submit(services::command));
                for (Future<ConfigurableApplicationContext> service : all) {
                    assertThat(service.get().isActive()).as("round " + round).isTrue();
                }
                starting.shutdown();
                for (int i = 0; i < 2; i++) {
                    assertThat(ScaledOut.api(all.get(i).get()).get("caseworker", "/api/provisions").status())
                            .as("round " + round + ", query service " + (i + 1) + " answers").isEqualTo(200);
                }
            }
        }
    }

    private static TokenStore store(ConnectionProvider connections) {
        return JdbcTokenStore.builder().connectionProvider(connections)
                .serializer(JacksonSerializer.defaultSerializer()).build();
    }

    /** A connection on which, the first time an insert into TokenEntry is prepared, {@code other} asks first. */
    private static Connection beatenToTheInsert(Connection real, TokenStore other, AtomicBoolean raced) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                            && sql.toUpperCase().startsWith("INSERT INTO TOKENENTRY") && raced.compareAndSet(false, true)) {
                        other.retrieveStorageIdentifier();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
