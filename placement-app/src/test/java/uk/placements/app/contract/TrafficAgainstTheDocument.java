package uk.placements.app.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.placements.command.http.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Checks HTTP exchanges against the API document with Atlassian's swagger-request-validator: every answer (status,
 * headers, media type, body: required and nullable fields, enums, patterns) and every request that was not sent to
 * be refused. As a JUnit extension it checks every exchange of each test of the suites that use it ({@link
 * uk.placements.app.AppTest}, so every suite of the embedded app, and the dashboards' suites); {@link
 * OpenApiContractTest} checks its journey against the served document.
 */
public final class TrafficAgainstTheDocument implements BeforeEachCallback, AfterEachCallback {

    /** Every exchange of the running test, in the order sent. */
    private final List<Api.Exchange> traffic = Collections.synchronizedList(new ArrayList<>());

    /** Collects every exchange of each test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        traffic.clear();
        Api.observe(traffic::add);
    }

    /**
     * When a test ends, what it sent and was answered is held to the committed document: a status, header, field or
     * value the document does not declare fails the test that met it.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        Api.observe(null);
        List<String> failures = failures(committed(), traffic);
        if (!failures.isEmpty()) {
            throw new AssertionError("exchanges the API document does not allow:\n" + String.join("\n", failures));
        }
    }

    /** The committed copy of the document, held equal to the served one by {@link OpenApiContractTest}. */
    public static final Path COMMITTED = Path.of("src/test/openapi/placements-api.json");

    private static volatile OpenApiInteractionValidator committed;

    /** A validator of the committed document, built once per test JVM. */
    public static OpenApiInteractionValidator committed() {
        if (committed == null) {
            try {
                committed = OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(COMMITTED))
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return committed;
    }

    /**
     * What in {@code traffic} the document does not allow, one entry per exchange. A request refused before it is
     * read (400 or 401: malformed, or without credentials; 403: a role that may not ask, whatever the body; 404: an
     * id that names nothing, well-formed or not; 413 and 415: a body too large, or of a media type the operation
     * does not take) may break the document on purpose, so only its answer is checked. Outside {@code /api/} (the
     * web client's files, Actuator's other endpoints, the document itself) a path the document does not name is not
     * the contract's.
     */
    public static List<String> failures(OpenApiInteractionValidator validator, List<Api.Exchange> traffic) {
        List<String> failures = new ArrayList<>();
        for (Api.Exchange exchange : List.copyOf(traffic)) {
            String path = exchange.path().split("\\?")[0];
            int status = exchange.answer().status();
            ValidationReport report = status == 400 || status == 401 || status == 403 || status == 404
                    || status == 413 || status == 415
                    ? validator.validateResponse(path, Request.Method.valueOf(exchange.method()),
                    response(exchange.answer()))
                    : validator.validate(request(exchange), response(exchange.answer()));
            List<String> errors = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .filter(m -> path.startsWith("/api/") || !m.getKey().equals("validation.request.path.missing"))
                    .map(m -> "  " + m.getKey() + ": " + m.getMessage()).toList();
            if (!errors.isEmpty()) {
                failures.add(exchange.method() + " " + exchange.path() + " -> " + status + "\n"
                        + String.join("\n", errors) + "\n  body: " + clip(exchange.answer().body()));
            }
        }
        return failures;
    }

    private static Request request(Api.Exchange exchange) {
        String[] target = exchange.path().split("\\?", 2);
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), target[0]);
        if (target.length > 1) {
            for (String pair : target[1].split("&")) {
                String[] kv = pair.split("=", 2);
                builder.withQueryParam(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        exchange.headers().forEach(builder::withHeader);
        if (exchange.body() != null && exchange.body().length > 0) {
            // the type the body was sent as (a GIAS extract is text/csv), JSON when none was named
            String type = exchange.headers().entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("Content-Type")).map(java.util.Map.Entry::getValue)
                    .findFirst().orElse("application/json");
            builder.withContentType(type).withBody(new String(exchange.body(), StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static SimpleResponse response(Api.Answer answer) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(answer.status());
        answer.headers().forEach((name, value) -> {
            if (!name.startsWith(":")) {
                builder.withHeader(name, value);
            }
        });
        if (answer.body() != null && !answer.body().isEmpty()) {
            builder.withBody(answer.body());
        }
        return builder.build();
    }

    private static String clip(String body) {
        return body == null || body.length() < 600 ? String.valueOf(body) : body.substring(0, 600) + "…";
    }
}
