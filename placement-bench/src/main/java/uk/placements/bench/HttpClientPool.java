package uk.placements.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One HTTP client (its own connection) per simulated user of the product, with the demo users' Basic sign-in, as
 * a browser of the web client would call the API: it accepts gzip, as every browser does, and reads the body
 * unzipped ({@link #identity} for a client that does not).
 */
final class HttpClientPool {

    /** Sums of money read back as written ({@code 46326000.00}, not {@code 4.6326E7}). */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final boolean gzip;

    HttpClientPool(int port) {
        this(port, true);
    }

    private HttpClientPool(int port, boolean gzip) {
        this.base = "http://localhost:" + port;
        this.gzip = gzip;
    }

    /** A client that does not accept gzip: every answer comes as it is. */
    static HttpClientPool identity(int port) {
        return new HttpClientPool(port, false);
    }

    /** The answer's status and body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: status " + status, e);
            }
        }
    }

    Answer send(HttpCommands command) {
        try {
            byte[] body = JSON.writeValueAsBytes(command.body());
            return call(HttpRequest.newBuilder(URI.create(base + command.path()))
                    .method(command.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json"), command.user());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, String user) {
        return get(path, user, "application/json");
    }

    /** A GET asking for {@code accept} (the CSV exports answer 406 to a request that accepts only JSON). */
    Answer get(String path, String user, String accept) {
        return call(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", accept), user);
    }

    private Answer call(HttpRequest.Builder request, String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + Product.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try {
            if (request.build().headers().firstValue("Accept").isEmpty()) {
                request.header("Accept", "application/json");
            }
            if (gzip) {
                request.header("Accept-Encoding", "gzip");
            }
            HttpResponse<byte[]> response = client.send(request.header("Authorization", "Basic " + credentials)
                    .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
                try (java.util.zip.GZIPInputStream unzipped = new java.util.zip.GZIPInputStream(
                        new java.io.ByteArrayInputStream(body))) {
                    body = unzipped.readAllBytes();
                }
            }
            // the API's JSON and CSV are UTF-8
            return new Answer(response.statusCode(), new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(599, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(599, "interrupted");
        }
    }
}
