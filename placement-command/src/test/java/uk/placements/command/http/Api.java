package uk.placements.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A small real-HTTP client for tests: Basic auth as a demo user, raw bodies, any header. */
public final class Api {

    public static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong UPN_SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** An answer: status, headers and body, with the body parsed as JSON when it is JSON. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String rule() {
            JsonNode rule = json().get("rule");
            return rule == null ? null : rule.asText();
        }
    }

    /** One request as sent and its answer, for a test that checks traffic against the OpenAPI document. */
    public record Exchange(String method, String path, Map<String, String> headers, byte[] body, Answer answer) {
    }

    private static volatile java.util.function.Consumer<Exchange> observer;

    /** Every exchange of every {@code Api} goes to {@code listener} (null: to nobody) until it is changed. */
    public static void observe(java.util.function.Consumer<Exchange> listener) {
        observer = listener;
    }

    public Answer post(String user, String path, String json, String... headers) {
        return send(user, "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Answer put(String user, String path, String json, String... headers) {
        return send(user, "PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Answer get(String user, String path, String... headers) {
        return send(user, "GET", path, null, null, headers);
    }

    /** {@code user} null sends no credentials; {@code headers} alternate name, value. */
    public Answer send(String user, String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> flat = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> flat.put(k.toLowerCase(), String.join(",", v)));
            Answer answer = new Answer(response.statusCode(), flat, response.body());
            java.util.function.Consumer<Exchange> listener = observer;
            if (listener != null) {
                Map<String, String> sent = new LinkedHashMap<>();
                request.build().headers().map().forEach((k, v) -> sent.put(k, String.join(",", v)));
                listener.accept(new Exchange(method, path, sent, body, answer));
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh, valid UPN (check letter computed as the DfE specifies). */
    public static String newUpn() {
        String body = String.format("%011d", 80_120_000_000L + UPN_SERIAL.incrementAndGet()) + "1";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i + 2);
        }
        return CHECK_LETTERS.charAt(sum % 23) + body;
    }

    private static final AtomicLong PROVISION_SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    public static String newProvisionId(String prefix) {
        return prefix + "-" + PROVISION_SERIAL.incrementAndGet();
    }

    public static String provisionJson(String id, String type, int lowest, int highest, String needs, int places) {
        return """
                {"id":"%s","name":"Test provision %s","type":"%s","hostSchool":{"urn":"100001","name":"Host School"},
                 "phase":"PRIMARY","lowestYear":%d,"highestYear":%d,"designatedNeeds":[%s],
                 "commissionedPlaces":%d,"openedOn":"2024-09-01"}""".formatted(id, id, type, lowest, highest, needs,
                places);
    }

    public static String referralJson(String upn, int year, String need, String ehcp, String referredOn) {
        return """
                {"pupil":{"upn":"%s","givenName":"Olivia","familyName":"Hargreaves","dateOfBirth":"2017-05-14"},
                 "yearGroup":%d,"primaryNeed":"%s","secondaryNeeds":["SLCN"],"ehcpStatus":"%s",
                 "homeSchoolUrn":"200002","referredOn":"%s"}""".formatted(upn, year, need, ehcp, referredOn);
    }

    public String commission(String id, String type, int places) {
        Answer a = post("provision-admin", "/api/provisions", provisionJson(id, type, 0, 6, "\"ASD\",\"SLCN\"", places));
        if (a.status() != 201) {
            throw new IllegalStateException("commission failed: " + a);
        }
        return id;
    }

    public String refer(String upn) {
        Answer a = post("caseworker", "/api/placements", referralJson(upn, 3, "ASD", "EHCP", "2026-09-01"));
        if (a.status() != 201) {
            throw new IllegalStateException("referral failed: " + a);
        }
        return a.json().get("id").asText();
    }

    public Answer offer(String placementId, String provisionId) {
        return post("caseworker", "/api/placements/" + placementId + "/offer",
                "{\"provisionId\":\"" + provisionId + "\",\"offeredOn\":\"2026-09-10\"}");
    }
}
