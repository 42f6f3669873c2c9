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
 * a browser of the web client would call the API: it accepts gzip, as every browser does ({@link #identity} for a
 * client that does not). A call returns once the answer's last byte has arrived; the body is unzipped and decoded
 * only when it is read ({@link Answer#body}), so a timed read is the product's answer, not the client's work on it.
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

    /**
     * The answer's status and body as it arrived: gzipped if the product sent it so. The body is unzipped and decoded
     * (UTF-8: the API's JSON and CSV are) the first time it is read, outside any timing: the timed reads look at the
     * status only, and neither the unzipping of a 660 kB dashboard nor its garbage, in the JVM the product shares, is
     * the product's.
     */
    static final class Answer {
        private final int status;
        private final byte[] received;
        private final boolean gzipped;
        private String body;

        Answer(int status, byte[] received, boolean gzipped) {
            this.status = status;
            this.received = received;
            this.gzipped = gzipped;
        }

        static Answer failed(String why) {
            return new Answer(599, why.getBytes(StandardCharsets.UTF_8), false);
        }

        int status() {
            return status;
        }

        /** The body as text, unzipped. */
        synchronized String body() {
            if (body == null) {
                byte[] bytes = received;
                if (gzipped) {
                    try (java.util.zip.GZIPInputStream unzipped = new java.util.zip.GZIPInputStream(
                            new java.io.ByteArrayInputStream(received))) {
                        bytes = unzipped.readAllBytes();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("gzipped body that does not unzip, status " + status, e);
                    }
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            return body;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body());
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
            return new Answer(response.statusCode(), response.body(), response.headers()
                    .firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent());
        } catch (IOException e) {
            return Answer.failed(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.failed("interrupted");
        }
    }
}
