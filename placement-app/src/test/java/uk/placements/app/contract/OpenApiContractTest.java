package uk.placements.app.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document says what the server does (issue 15), proven against the server: the served document is
 * valid for swagger-parser (the maintained OpenAPI parser), and every request and answer of a journey over every
 * feature, refusals included, is valid against it for Atlassian's swagger-request-validator: paths, parameters,
 * headers, bodies, status codes, media types, nullable and required fields, enums and patterns.
 */
class OpenApiContractTest extends AppTest {

    private final List<Api.Exchange> traffic = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopObserving() {
        Api.observe(null);
    }

    /**
     * The document the build generates its Java client from ({@code src/test/openapi/placements-api.json}, see the
     * openapi-generator execution in this module's pom and {@code GeneratedClientJourneyTest}) is the served one, the
     * server's address aside: a change to the API that is not carried into it fails here. {@code
     * -Dopenapi.write=true} writes the served document there instead.
     */
    @Test
    void theDocumentTheClientIsGeneratedFromIsTheServedOne() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode served = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(api.get(null, "/v3/api-docs").body());
        served.remove("servers"); // the test server's random port
        java.nio.file.Path committed = TrafficAgainstTheDocument.COMMITTED;
        if (Boolean.getBoolean("openapi.write")) {
            java.nio.file.Files.createDirectories(committed.getParent());
            java.nio.file.Files.writeString(committed, json.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(served) + "\n");
        }
        assertThat(json.readTree(committed.toFile()))
                .as("%s is the served document; refresh it with -Dopenapi.write=true", committed)
                .isEqualTo(served);
    }

    @Test
    void theServedDocumentIsValidOpenApiAndDeclaresTheContract() {
        String document = api.get(null, "/v3/api-docs").body();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, options);

        assertThat(parsed.getMessages()).isEmpty();
        var openApi = parsed.getOpenAPI();
        assertThat(openApi.getInfo().getTitle()).isEqualTo("Placements API");
        assertThat(openApi.getComponents().getSecuritySchemes()).containsKeys("basicAuth", "bearerJwt");
        assertThat(openApi.getPaths()).doesNotContainKey("/error").containsKey("/actuator/health");
        assertThat(openApi.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("rule", "errors", "currentVersion");
        var refer = openApi.getPaths().get("/api/placements").getPost();
        assertThat(refer.getOperationId()).isEqualTo("referPupil");
        assertThat(refer.getResponses()).containsKeys("201", "400", "401", "403", "409", "412", "413", "415", "422")
                .doesNotContainKey("200");
        assertThat(refer.getResponses().get("201").getHeaders()).containsKeys("Location", "ETag",
                "X-Correlation-Id");
        assertThat(refer.getResponses().get("409").getContent()).containsKey("application/problem+json");
        assertThat(refer.getParameters()).extracting("name").contains("If-Match", "Idempotency-Key");
        assertThat(openApi.getPaths().get("/api/reports/capacity.csv").getGet().getResponses().get("200")
                .getContent()).containsOnlyKeys("text/csv");
        assertThat(openApi.getPaths().get("/api/dashboard/capacity/stream").getGet().getResponses().get("200")
                .getContent()).containsOnlyKeys("text/event-stream");
        io.swagger.v3.oas.models.media.Schema<?> closedOn = (io.swagger.v3.oas.models.media.Schema<?>) openApi
                .getComponents().getSchemas().get("ProvisionView").getProperties().get("closedOn");
        assertThat(closedOn.getNullable()).isTrue();
        assertThat(document).doesNotContain("_1\"", "SseEmitter", "OpenAPI definition");
    }

    @Test
    void everyRequestAndAnswerOfAJourneyOverEveryFeatureMatchesTheDocument() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(api.get(null, "/v3/api-docs").body()).build();
        Api.observe(traffic::add);

        String provision = Api.newProvisionId("CONTRACT");
        assertThat(api.post("provision-admin", "/api/provisions",
                Api.provisionJson(provision, "RESOURCE_BASE", 0, 6, "\"ASD\"", 1)).status()).isEqualTo(201);
        api.get("caseworker", "/api/provisions/" + provision + "?minVersion=0");
        api.get("analyst", "/api/provisions?type=RESOURCE_BASE&page=0&size=10");
        api.post("provision-admin", "/api/provisions/" + provision + "/staffing",
                "{\"adults\":3,\"qualifiedTeachers\":1,\"therapyHoursPerWeek\":4.5,\"effectiveFrom\":\"2026-09-01\"}");
        api.put("provision-admin", "/api/provisions/" + provision + "/places",
                "{\"commissionedPlaces\":2,\"effectiveFrom\":\"2026-09-01\",\"reason\":\"demand\"}");

        String upn = Api.newUpn();
        Api.Answer referred = api.post("caseworker", "/api/placements",
                Api.referralJson(upn, 3, "ASD", "EHCP", "2026-09-01"), "Idempotency-Key", "contract-1",
                "X-Correlation-Id", "contract-journey");
        String placement = referred.json().get("id").asText();
        api.post("caseworker", "/api/placements", Api.referralJson(upn, 3, "ASD", "EHCP", "2026-09-01"));
        api.post("caseworker", "/api/placements", Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "0985-06-22"));
        api.get("caseworker", "/api/placements/" + placement + "?minVersion=0");
        Api.Answer read = api.get("caseworker", "/api/placements/" + placement);
        api.get("caseworker", "/api/placements/" + placement, "If-None-Match", read.header("ETag"));
        api.get("caseworker", "/api/placements/" + placement + "?minVersion=99");
        api.get("caseworker", "/api/placements?status=REFERRED&sort=-referredOn&page=0&size=5");
        api.get("caseworker", "/api/placements?page=42949673&size=50");
        api.get("caseworker", "/api/placements/" + java.util.UUID.randomUUID());
        api.post("caseworker", "/api/placements/" + placement + "/offer",
                "{\"provisionId\":\"" + provision + "\",\"offeredOn\":\"2026-09-10\"}", "If-Match", "\"9\"");
        api.post("caseworker", "/api/placements/" + placement + "/offer",
                "{\"provisionId\":\"" + provision + "\",\"offeredOn\":\"2026-09-10\"}");
        api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-05\"}");
        api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-20\",\"mainstreamPercent\":60}");
        api.post("caseworker", "/api/placements/" + placement + "/time-split",
                "{\"mainstreamPercent\":70,\"effectiveFrom\":\"2026-10-01\"}");
        api.post("provision-admin", "/api/provisions/" + provision + "/close",
                "{\"closedOn\":\"2026-10-02\",\"reason\":\"merged\"}");
        api.post("caseworker", "/api/placements/" + placement + "/move-to-mainstream",
                "{\"effectiveFrom\":\"2026-11-01\",\"note\":\"thriving\"}");
        api.get("caseworker", "/api/placements/" + placement + "?minVersion=4");
        api.post("analyst", "/api/placements", Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "2026-09-01"));
        api.get(null, "/api/provisions");

        api.get("analyst", "/api/dashboard/capacity?asOf=2026-10-01");
        api.get("analyst", "/api/dashboard/waiting-list");
        api.get("analyst", "/api/dashboard/inclusion");
        api.get("analyst", "/api/reports/capacity.csv?asOf=2026-10-01");
        api.get("analyst", "/api/reports/placements.csv");
        api.get("auditor", "/api/audit/placements/" + placement + "/events");
        api.get("auditor", "/api/audit/placements/" + placement + "/verify");
        api.get("auditor", "/api/audit/placements/" + placement + "/state?asOf=2099-01-01T00:00:00Z");
        api.get("auditor", "/api/audit/provisions/" + provision + "/events");
        api.get("auditor", "/api/audit/access-log?upn=" + upn);
        api.get("admin", "/api/admin/projections");
        api.get("admin", "/api/admin/retention");
        api.get("caseworker", "/api/me");
        api.get(null, "/actuator/health");

        Api.observe(null);
        List<String> failures = TrafficAgainstTheDocument.failures(validator, traffic);
        assertThat(traffic).hasSizeGreaterThan(35);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }
}
