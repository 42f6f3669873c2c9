package uk.placements.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts the packaged placement-app as a child process, as an operator would ({@code java -jar}, default JVM
 * options), times it to a healthy {@code /actuator/health} and reads its resident memory from /proc.
 */
final class StartUp {

    /** Milliseconds from launch to healthy, and resident set size in MiB when healthy. */
    record Result(long millis, double rssMiB) {
    }

    private StartUp() {
    }

    static Result measure(Path jar, String databaseUrl) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged placement-app at " + jar.toAbsolutePath()
                    + " (build it with ./mvnw -pl placement-bench -am -DskipTests package)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "--server.port=" + port, "--spring.datasource.url=" + databaseUrl,
                "--placements.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        Process app = builder.start();
        try {
            long deadline = started + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("placement-app exited with " + app.exitValue());
                }
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("UP")) {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        return new Result(millis, rssMiB(app.pid()));
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("placement-app was not healthy within 3 minutes");
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    /** VmRSS of a process, from /proc (Linux). */
    static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
