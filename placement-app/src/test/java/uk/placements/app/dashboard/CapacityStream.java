package uk.placements.app.dashboard;

import uk.placements.command.http.Api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A subscriber to {@code GET /api/dashboard/capacity/stream}: the server-sent events it has received, in order. */
public final class CapacityStream implements AutoCloseable {

    private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
    private final InputStream body;

    private CapacityStream(InputStream body) {
        this.body = body;
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            String[] event = new String[2];
            try {
                lines.lines().forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6);
                    } else if (line.startsWith("data:")) {
                        event[1] = line.substring(5);
                    } else if (line.isEmpty() && event[0] != null) {
                        events.add(new String[]{event[0], event[1]});
                        event[0] = null;
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "capacity-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Subscribes as {@code user}; fails unless the server answers 200. */
    public static CapacityStream open(int port, String user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/dashboard/capacity/stream"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new AssertionError("the capacity stream answered " + response.statusCode());
        }
        return new CapacityStream(response.body());
    }

    /** Waits up to 20 s for an event {@code name} about {@code provision} whose data contains {@code figure}. */
    public void await(String name, String provision, String figure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String[] event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && event[0].equals(name) && event[1].contains("\"provisionId\":\"" + provision + "\"")
                    && event[1].contains(figure)) {
                return;
            }
        }
        throw new AssertionError("no " + name + " event for " + provision + " with " + figure);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
