package uk.placements.app.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as a child process running the shipped gateway configuration ({@code docker/nginx/gateway.conf}).
 * The tested file is the shipped one with only what differs between a container and this machine replaced: the
 * upstream servers' addresses, the listen port and the web client's directory. Every replaced text must occur exactly
 * once, so a change to the shipped file that these substitutions no longer fit fails the test instead of passing it
 * untested. The wrapper around it (pid, logs, temporary files, MIME types) stands in for the nginx image's own
 * nginx.conf and keeps everything in a temporary directory, on a port no one needs privileges for.
 */
final class NginxGateway implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path SHIPPED = Path.of("..", "docker", "nginx", "gateway.conf");
    private static final Path MIME_TYPES = Path.of("/etc/nginx/mime.types");

    private final Path dir;
    private final Process process;
    private final int port;

    private NginxGateway(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts nginx in {@code dir}; {@code upstreams} maps each shipped upstream address (such as
     * {@code placement-command:8080}) to the local one that replaces it.
     */
    static NginxGateway start(Path dir, Map<String, String> upstreams, Path webClient) throws IOException {
        int port = freePort();
        Map<String, String> substitutions = new LinkedHashMap<>();
        upstreams.forEach((shipped, local) -> substitutions.put("server " + shipped + " ", "server " + local + " "));
        substitutions.put("listen 8080;", "listen 127.0.0.1:" + port + ";");
        substitutions.put("root /usr/share/placements/web-client;", "root " + webClient.toAbsolutePath() + ";");
        Files.writeString(dir.resolve("gateway.conf"), substitute(Files.readString(SHIPPED), substitutions));
        Files.writeString(dir.resolve("nginx.conf"), wrapper(dir));
        Files.createDirectories(dir.resolve("temp"));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c",
                dir.resolve("nginx.conf").toString(), "-e", dir.resolve("error.log").toString(),
                "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        NginxGateway gateway = new NginxGateway(dir, process, port);
        gateway.awaitListening();
        return gateway;
    }

    int port() {
        return port;
    }

    /** What nginx logged (its error log and its own output), for failure messages. */
    String log() {
        StringBuilder log = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log")) {
            Path file = dir.resolve(name);
            try {
                if (Files.exists(file)) {
                    log.append(name).append(":\n").append(Files.readString(file));
                }
            } catch (IOException e) {
                log.append(name).append(": unreadable\n");
            }
        }
        return log.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String substitute(String text, Map<String, String> substitutions) {
        String result = text;
        for (Map.Entry<String, String> s : substitutions.entrySet()) {
            int count = result.split(java.util.regex.Pattern.quote(s.getKey()), -1).length - 1;
            if (count != 1) {
                throw new IllegalStateException("the shipped gateway configuration has " + count + " occurrences of '"
                        + s.getKey() + "', expected exactly one: update NginxGateway with the configuration");
            }
            result = result.replace(s.getKey(), s.getValue());
        }
        return result;
    }

    private static String wrapper(Path dir) {
        String temp = dir.resolve("temp").toString();
        // As root, nginx would run its workers as "nobody", who may not read a checkout under /root or /work.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log notice;
                events { worker_connections 128; }
                http {
                    %2$s
                    default_type application/octet-stream;
                    access_log %1$s/access.log;
                    client_body_temp_path %3$s/body;
                    proxy_temp_path %3$s/proxy;
                    fastcgi_temp_path %3$s/fastcgi;
                    uwsgi_temp_path %3$s/uwsgi;
                    scgi_temp_path %3$s/scgi;
                    include gateway.conf;
                }
                """.formatted(dir, Files.exists(MIME_TYPES) ? "include " + MIME_TYPES + ";" : "", temp);
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + "\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s\n" + log());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
