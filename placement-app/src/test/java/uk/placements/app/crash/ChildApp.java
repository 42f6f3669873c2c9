package uk.placements.app.crash;

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
import java.util.concurrent.TimeUnit;

/**
 * The packaged placement-app as a child process on an H2 file database in {@code dataDir}: launched, killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux: no shutdown hook, no flush) and launched again on the same
 * files. Clients wait in {@link #awaitServing()} while it is down, and get a fresh {@link Api} (no pooled
 * connection to a dead process) for each run.
 */
final class ChildApp implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final List<Long> startMillis = new ArrayList<>();
    private Process process;
    private volatile Api api;
    private boolean serving;
    private String urlOptions = "";
    private boolean asTheReadmeRunsIt;

    ChildApp(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.port = freePort();
    }

    /** Starts the jar and returns when it answers healthy. */
    void launch(String... extraArguments) throws Exception {
        long started = System.nanoTime();
        process = spawn(extraArguments);
        awaitHealthy();
        startMillis.add((System.nanoTime() - started) / 1_000_000);
        synchronized (this) {
            api = new Api(port);
            serving = true;
            notifyAll();
        }
    }

    /**
     * Starts the jar expecting it to refuse to start: returns its exit code, or fails if it is still running after
     * two minutes.
     */
    int launchExpectingExit(String... extraArguments) throws Exception {
        Process refused = spawn(extraArguments);
        if (!refused.waitFor(120, TimeUnit.SECONDS)) {
            refused.destroyForcibly().waitFor();
            throw new IllegalStateException("placement-app did not exit; see " + log());
        }
        return refused.exitValue();
    }

    private Process spawn(String... extraArguments) throws IOException {
        String jar = System.getProperty("placements.app.jar");
        if (jar == null) {
            throw new IllegalStateException("placements.app.jar is not set: run through failsafe (mvn verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", jar,
                "--server.port=" + port, "--logging.level.root=WARN"));
        if (!asTheReadmeRunsIt) {
            command.addAll(List.of("--spring.datasource.url=" + jdbcUrl(),
                    "--placements.crypto.master-key-file=" + dataDir.resolve("master.key"),
                    "--placements.backup.directory=" + dataDir.resolve("backups")));
        }
        command.addAll(List.of(extraArguments));
        return new ProcessBuilder(command).directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
    }

    /** SIGKILL, at once, whatever the process is doing. */
    void kill() throws InterruptedException {
        synchronized (this) {
            serving = false;
        }
        process.destroyForcibly().waitFor();
    }

    /** A graceful stop (SIGTERM), so the test can open the database files itself. */
    void stop() throws InterruptedException {
        synchronized (this) {
            serving = false;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The port the app listens on (the same for every launch). */
    int port() {
        return port;
    }

    /** Blocks while the process is down or starting. */
    synchronized void awaitServing() throws InterruptedException {
        while (!serving) {
            wait();
        }
    }

    Api api() {
        return api;
    }

    /**
     * Exactly the override application.yml documents ({@code --spring.datasource.url=jdbc:h2:file:/var/lib/...}):
     * no URL options, so the crash tests prove the product makes any H2 file URL durable itself.
     */
    String jdbcUrl() {
        return asTheReadmeRunsIt ? "jdbc:h2:file:" + dataDir.resolve("data/placements")
                : "jdbc:h2:file:" + dataDir.resolve("placements") + urlOptions;
    }

    /**
     * The next launches run the jar as the README's first command does: no database or key arguments, so the
     * product's own default URL ({@code ./data/placements;AUTO_SERVER=TRUE}) and key file under {@code ./data},
     * with the data directory as the working directory.
     */
    void asTheReadmeRunsIt() {
        this.asTheReadmeRunsIt = true;
    }

    /** Options appended to the URL of the next launches, such as {@code ;WRITE_DELAY=500}. */
    void urlOptions(String options) {
        this.urlOptions = options;
    }

    /** The log the child process writes (every start appends to it). */
    Path log() {
        return dataDir.resolve("app.log");
    }

    List<Long> startMillis() {
        return startMillis;
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("placement-app exited during start-up; see " + dataDir.resolve("app.log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("placement-app did not become healthy within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
