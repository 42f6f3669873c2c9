package uk.placements.app.scale;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.command.http.Api;
import uk.placements.command.postgres.EmbeddedPostgresDatabase;
import uk.placements.commandservice.PlacementCommandApplication;
import uk.placements.query.operations.QueryInstances;
import uk.placements.queryservice.PlacementQueryApplication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Command and query services started apart, each as its own Spring context in this JVM, all on one database of the
 * embedded PostgreSQL and configured as in production: the {@code postgres} profile with {@code PLACEMENTS_DB_*}.
 */
final class ScaledOut implements AutoCloseable {

    static final List<String> READ_MODELS = List.of("caseload", "placement-history", "provisions",
            "capacity-ledger");
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final String url;
    private final List<String> settings;
    private final List<ConfigurableApplicationContext> started = Collections.synchronizedList(new ArrayList<>());

    /** {@code settings}: further {@code --name=value} arguments for every service. */
    ScaledOut(String database, String... settings) {
        this.url = EmbeddedPostgresDatabase.jdbcUrl(database);
        this.settings = List.of(settings);
    }

    ConfigurableApplicationContext command() {
        return start(PlacementCommandApplication.class);
    }

    /** A query service; {@code extra} adds test components to its context. */
    ConfigurableApplicationContext query(Class<?>... extra) {
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = PlacementQueryApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        return start(sources);
    }

    private ConfigurableApplicationContext start(Class<?>... sources) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=postgres",
                "--PLACEMENTS_DB_URL=" + url, "--PLACEMENTS_DB_USER=postgres", "--PLACEMENTS_DB_PASSWORD=",
                "--PLACEMENTS_DB_POOL_SIZE=10", "--placements.crypto.master-key=" + KEY, "--spring.jmx.enabled=false",
                "--placements.demo.users=true"));
        args.addAll(settings);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).run(args.toArray(String[]::new));
        EmbeddedPostgresDatabase.closeBeforeStopping(context);
        started.add(context);
        return context;
    }

    static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class);
    }

    static String instanceId(ConfigurableApplicationContext query) {
        return query.getBean(QueryInstances.class).id();
    }

    /** Segment to owner of a processing group, as the token store has it (null: unclaimed). */
    static Map<Integer, String> owners(JdbcTemplate jdbc, String group) {
        Map<Integer, String> owners = new TreeMap<>();
        jdbc.query("SELECT segment, owner FROM TokenEntry WHERE processorName = ?",
                rs -> {
                    owners.put(rs.getInt(1), rs.getString(2));
                }, group);
        return owners;
    }

    /**
     * What a query instance sees of the processors' claims, for a failure message: every token's owner and claim
     * time, the instances' heartbeats, and this instance's own processors (running, in error, segments held).
     */
    static String claims(ConfigurableApplicationContext query) {
        JdbcTemplate jdbc = jdbc(query);
        StringBuilder out = new StringBuilder("now ").append(Instant.now()).append("; tokens:");
        jdbc.query("SELECT processorName, segment, owner, timeStamp FROM TokenEntry ORDER BY processorName, segment",
                rs -> {
                    out.append(' ').append(rs.getString(1)).append('#').append(rs.getInt(2)).append('=')
                            .append(rs.getString(3)).append('@').append(rs.getString(4));
                });
        out.append("; heartbeats:");
        jdbc.query("SELECT instance_id, heartbeat_at FROM query_instance", rs -> {
            out.append(' ').append(rs.getString(1)).append('@').append(Instant.ofEpochMilli(rs.getLong(2)));
        });
        out.append("; processors here:");
        query.getBean(EventProcessingConfiguration.class).eventProcessors()
                .forEach((name, processor) -> {
                    if (processor instanceof StreamingEventProcessor streaming) {
                        out.append(' ').append(name).append(streaming.isRunning() ? " running" : " stopped")
                                .append(streaming.isError() ? " in error" : "").append(" segments ")
                                .append(streaming.processingStatus().keySet());
                    }
                });
        return out.toString();
    }

    /** Waits until every read model stands at the event store's head, as the operations endpoint reports it. */
    static void awaitCaughtUp(Api query, Duration limit) {
        awaitTrue("every projection at the head", limit, () -> {
            Api.Answer answer = query.get("admin", "/api/admin/projections");
            if (answer.status() != 200) {
                return false;
            }
            for (JsonNode projection : answer.json()) {
                if (projection.get("lag").asLong() != 0 || projection.get("position").isNull()) {
                    return false;
                }
            }
            return true;
        });
    }

    static void awaitTrue(String what, Duration limit, BooleanSupplier condition) {
        awaitTrue(() -> what, limit, condition);
    }

    /** As {@link #awaitTrue(String, Duration, BooleanSupplier)}, describing the state it gave up in. */
    static void awaitTrue(Supplier<String> what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(started);
        Collections.reverse(contexts);
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
