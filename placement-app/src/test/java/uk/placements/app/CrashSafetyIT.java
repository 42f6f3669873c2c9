package uk.placements.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.placements.command.http.Api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged placement-app as a child process: commands are acknowledged while it runs, it is killed with
 * SIGKILL mid-load, and every acknowledged command is still there after a restart. Also reports start-up time.
 */
class CrashSafetyIT {

    @TempDir
    Path dataDir;
    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedReferralSurvivesKillDashNine() throws Exception {
        int port = freePort();
        app = launch(port);
        Api api = new Api(port);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (running.get()) {
                String upn = Api.newUpn();
                try {
                    Api.Answer a = api.post("caseworker", "/api/placements",
                            Api.referralJson(upn, 3, "ASD", "EHCP", "2026-09-01"));
                    if (a.status() == 201) {
                        acknowledged.put(upn, a.json().get("id").asText());
                    }
                } catch (RuntimeException connectionLost) {
                    return;
                }
            }
        });
        load.start();
        while (acknowledged.size() < 40) {
            Thread.sleep(20);
        }
        app.destroyForcibly().waitFor(); // SIGKILL on Linux: no shutdown hooks, no flush
        running.set(false);
        load.join(10_000);

        app = launch(port);
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            Api.Answer withdrawn = api.post("caseworker", "/api/placements/" + ack.getValue() + "/withdraw",
                    "{\"on\":\"2026-09-02\",\"reason\":\"crash test\"}", "If-Match", "\"0\"");
            if (withdrawn.status() != 200) {
                lost.add(ack.getValue() + " -> " + withdrawn.status());
            }
        }
        assertThat(lost).as("acknowledged referrals missing after kill -9").isEmpty();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);
    }

    private Process launch(int port) throws Exception {
        String jar = System.getProperty("placements.app.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-jar", jar,
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("placements") + ";WRITE_DELAY=0",
                "--placements.crypto.master-key-file=" + dataDir.resolve("master.key"))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("app-" + System.nanoTime() + ".log").toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(process.isAlive()).as("placement-app exited during start-up").isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    System.out.printf("placement-app healthy %d ms after launch%n",
                            (System.nanoTime() - started) / 1_000_000);
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("placement-app did not become healthy within 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
