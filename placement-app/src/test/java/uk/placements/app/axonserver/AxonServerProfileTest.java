package uk.placements.app.axonserver;

import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import uk.placements.app.ServiceOnPostgres;
import uk.placements.command.axon.RefusingCommandBus;
import uk.placements.command.http.Api;
import uk.placements.commandservice.PlacementCommandApplication;
import uk.placements.queryservice.PlacementQueryApplication;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code axonserver} profile as far as it can be tried without Axon Server, which cannot run on these machines:
 * the command and query services start with {@code AXONSERVER_SERVERS} pointing at a closed port, on PostgreSQL as in
 * the compose file. The wiring is Axon Server's (command bus, query bus, event store) with the tracking tokens left in
 * PostgreSQL; each service says in one log line that Axon Server is unreachable, reports DOWN on its health check and
 * keeps running (no crash loop); commands and queries (the read API asks its read models through the query bus)
 * fail fast with 503; the audit trail of stored events says it is not available.
 */
@ExtendWith(OutputCaptureExtension.class)
class AxonServerProfileTest {

    private static String servers;
    private static ConfigurableApplicationContext command;
    private static ConfigurableApplicationContext query;

    @BeforeAll
    static void startWithoutAxonServer() throws IOException {
        try (ServerSocket closed = new ServerSocket(0)) {
            servers = "127.0.0.1:" + closed.getLocalPort();
        }
        command = start(PlacementCommandApplication.class);
        query = start(PlacementQueryApplication.class);
    }

    @AfterAll
    static void stop() {
        ServiceOnPostgres.close(command, query);
    }

    @Test
    void commandsQueriesAndEventsGoThroughAxonServerAndTokensStayInPostgres() {
        assertThat(command.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(command.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(command.getBeanNamesForType(EventStorageEngine.class)).as("no JDBC event storage engine").isEmpty();
        assertThat(command.getBean("localSegment")).as("refusals survive the trip back").isInstanceOf(RefusingCommandBus.class);
        assertThat(command.getBeanNamesForType(RefusingCommandBus.class))
                .hasSize(1);
        assertThat(query.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(query.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(query.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
    }

    @Test
    void eachServiceSaysAxonServerIsUnreachableAndReportsDownWithoutStopping(CapturedOutput output) {
        assertThat(output.getAll()).contains("Axon Server at " + servers + " is unreachable");
        for (ConfigurableApplicationContext service : new ConfigurableApplicationContext[] {command, query}) {
            Api.Answer health = api(service).get(null, "/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(service.isActive()).isTrue();
        }
    }

    @Test
    void aCommandFailsFastWith503() {
        long started = System.nanoTime();
        Api.Answer answer = api(command).post("provision-admin", "/api/provisions",
                Api.provisionJson(Api.newProvisionId("AXON"), "RESOURCE_BASE", 0, 6, "\"ASD\"", 3));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(millis).as("fails fast").isLessThan(15_000);
    }

    @Test
    void aQueryFailsFastWith503() {
        Api.Answer answer = api(query).get("caseworker", "/api/provisions");

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().get("title").asText()).isEqualTo("Service unavailable");
    }

    @Test
    void theAuditTrailOfStoredEventsSaysItIsNotAvailableWithAxonServer() {
        Api reads = api(query);
        assertThat(reads.get("auditor", "/api/audit/access-log").status())
                .as("the access log is a PostgreSQL table and still answers").isEqualTo(200);

        Api.Answer events = reads.get("auditor", "/api/audit/placements/" + java.util.UUID.randomUUID() + "/events");

        assertThat(events.status()).as(events.body()).isEqualTo(501);
        assertThat(events.json().get("title").asText()).isEqualTo("Audit trail not available with Axon Server");
    }

    private static Api api(ConfigurableApplicationContext service) {
        return new Api(ServiceOnPostgres.port(service));
    }

    private static ConfigurableApplicationContext start(Class<?> service) {
        return ServiceOnPostgres.start(new SpringApplicationBuilder(service), "axonserver", "axonserver",
                "--AXONSERVER_SERVERS=" + servers);
    }
}
