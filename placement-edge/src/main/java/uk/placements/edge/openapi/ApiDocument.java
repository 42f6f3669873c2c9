package uk.placements.edge.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.placements.edge.web.PlainText;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.Rule;
import uk.placements.shared.placement.query.FindCaseload;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The OpenAPI document at {@code /v3/api-docs} says what the server does (issue 15): springdoc reads the controllers
 * and their bodies; this adds what only the conventions of API.md and the filters know, in one place, so that a
 * client generated from the document meets the server it talks to: who may call (HTTP Basic, or a bearer JWT under
 * {@code oidc}), every status an operation can answer with its problem details, the conventions' headers, the
 * bounds and patterns the server checks, the enums behind the views' strings, which fields may be null, the CSV and
 * event-stream media types, tags by feature and stable operation ids. {@code OpenApiContractTest} validates the
 * served document and real traffic against it; a client generated from it at build time runs a caseworker's journey.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocument {

    static final String PROBLEM = "application/problem+json";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerJwt";
    static final String PLACEMENT_ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    static final String PROVISION_ID = "^[A-Z0-9-]{3,40}$";
    static final String ACADEMIC_YEAR = "^20[0-9]{2}-[0-9]{2}$";
    static final String UPN = "^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$";
    static final String ETAG = "^(W/)?\"[0-9]{1,18}\"$";

    /** operationId of each operation, by method and path: stable names for generated clients. */
    private static final Map<String, String> OPERATION_IDS = Map.ofEntries(
            Map.entry("POST /api/placements", "referPupil"),
            Map.entry("GET /api/placements", "caseload"),
            Map.entry("GET /api/placements/{id}", "getPlacement"),
            Map.entry("POST /api/placements/{id}/offer", "offerPlace"),
            Map.entry("POST /api/placements/{id}/offer/decline", "declineOffer"),
            Map.entry("POST /api/placements/{id}/offer/withdraw", "withdrawOffer"),
            Map.entry("POST /api/placements/{id}/admission", "admitPupil"),
            Map.entry("POST /api/placements/{id}/time-split", "changeTimeSplit"),
            Map.entry("POST /api/placements/{id}/move-to-mainstream", "moveToMainstream"),
            Map.entry("POST /api/placements/{id}/end", "endPlacement"),
            Map.entry("POST /api/placements/{id}/withdraw", "withdrawReferral"),
            Map.entry("POST /api/provisions", "commissionProvision"),
            Map.entry("GET /api/provisions", "listProvisions"),
            Map.entry("GET /api/provisions/{id}", "getProvision"),
            Map.entry("PUT /api/provisions/{id}/places", "changeCommissionedPlaces"),
            Map.entry("POST /api/provisions/{id}/staffing", "recordStaffing"),
            Map.entry("POST /api/provisions/{id}/close", "closeProvision"),
            Map.entry("POST /api/provisions/{id}/base-model", "recordBaseModel"),
            Map.entry("POST /api/provisions/{id}/base-lead", "recordBaseLead"),
            Map.entry("POST /api/provisions/{id}/teacher-access", "recordTeacherAccess"),
            Map.entry("GET /api/provisions/{id}/standards", "baseStandards"),
            Map.entry("GET /api/dashboard/bases", "basesComparison"),
            Map.entry("GET /api/dashboard/capacity", "capacityDashboard"),
            Map.entry("GET /api/dashboard/capacity/stream", "capacityStream"),
            Map.entry("GET /api/dashboard/waiting-list", "waitingListDashboard"),
            Map.entry("GET /api/dashboard/inclusion", "inclusionDashboard"),
            Map.entry("GET /api/reports/placements.csv", "placementsCsv"),
            Map.entry("GET /api/reports/capacity.csv", "capacityCsv"),
            Map.entry("GET /api/audit/placements/{id}/events", "placementEvents"),
            Map.entry("GET /api/audit/placements/{id}/state", "placementStateAsOf"),
            Map.entry("GET /api/audit/placements/{id}/verify", "verifyPlacement"),
            Map.entry("GET /api/audit/provisions/{id}/events", "provisionEvents"),
            Map.entry("GET /api/audit/provisions/{id}/state", "provisionStateAsOf"),
            Map.entry("GET /api/audit/provisions/{id}/verify", "verifyProvision"),
            Map.entry("GET /api/audit/access-log", "accessLog"),
            Map.entry("GET /api/admin/retention", "pastRetention"),
            Map.entry("GET /api/admin/projections", "listProjections"),
            Map.entry("POST /api/admin/projections/{name}/rebuild", "rebuildProjection"),
            Map.entry("POST /api/admin/pupils/{upn}/erase", "erasePupil"),
            Map.entry("GET /api/admin/backups", "listBackups"),
            Map.entry("POST /api/admin/backups", "takeBackup"),
            Map.entry("GET /api/admin/backups/{file}", "downloadBackup"),
            Map.entry("GET /api/funding/placements/{id}/ledger", "placementFundingLedger"),
            Map.entry("GET /api/funding/ledger", "fundingLedger"),
            Map.entry("GET /api/funding/schedules", "paymentSchedule"),
            Map.entry("GET /api/funding/schedules/{month}.csv", "paymentScheduleCsv"),
            Map.entry("GET /api/funding/spend", "spendDashboard"),
            Map.entry("GET /api/placements/{id}/candidates", "offerCandidates"),
            Map.entry("GET /api/returns/sen2/placements.csv", "sen2PlacementsCsv"),
            Map.entry("GET /api/returns/sen2/summary", "sen2Summary"),
            Map.entry("POST /api/returns/gias/reconciliation", "giasReconciliation"),
            Map.entry("GET /api/returns/scap/capacity", "scapCapacity"),
            Map.entry("GET /api/returns/scap/capacity.csv", "scapCapacityCsv"),
            Map.entry("GET /api/returns/scap/forecast", "scapForecast"),
            Map.entry("GET /api/returns/scap/forecast.csv", "scapForecastCsv"),
            Map.entry("GET /api/me", "whoAmI"),
            Map.entry("GET /actuator/health", "health"));

    /** Tags by feature, in the order a reader meets them, with who may call. */
    private static final Map<String, String[]> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("/api/placements", new String[]{"Placements", "Referrals, offers, admissions and the caseload. "
                + "Roles: CASEWORKER, ADMIN."});
        TAGS.put("/api/provisions", new String[]{"Provisions", "Resource Bases and SEN Units with their capacity. "
                + "Writes: PROVISION_ADMIN, ADMIN; reads: any role."});
        TAGS.put("/api/dashboard", new String[]{"Dashboards", "Capacity, waiting list and inclusion; no personal "
                + "data. Roles: ANALYST, ADMIN (the capacity stream: any role)."});
        TAGS.put("/api/reports", new String[]{"Reports", "CSV returns as at a date; no personal data. Roles: "
                + "ANALYST, ADMIN."});
        TAGS.put("/api/returns", new String[]{"Returns", "Statutory returns: the person-level SEN2 placements "
                + "module (personal data; every download in the access log; roles RETURNS, ADMIN) and the "
                + "reconciliation of a GIAS extract with the product's figures, and SCAP's specialist capacity and "
                + "demand forecast (no personal data; roles RETURNS, ANALYST, ADMIN)."});
        TAGS.put("/api/audit", new String[]{"Audit", "The event store itself: history, state as known at an "
                + "instant, hash chain, access log. Roles: AUDITOR, ADMIN."});
        TAGS.put("/api/admin", new String[]{"Operations", "Projections, erasure, retention, backups. Role: ADMIN."});
        TAGS.put("/api/me", new String[]{"Session", "Who is signed in. Any role."});
        TAGS.put("/actuator", new String[]{"Health", "Liveness for load balancers. No credentials."});
    }

    /** Objects in the views that are null until something happens: an offer, a decision, a staffing record. */
    private static final Set<String> NULLABLE_OBJECTS = Set.of("provision", "overCapacityDecision", "staffing",
            "inForce", "gias");

    /** Properties of the views that carry an enum's name, and which enum. */
    private static final Map<String, List<String>> ENUMS = Map.of(
            "PlacementStatus", names(PlacementStatus.values()),
            "ProvisionStatus", names(ProvisionStatus.values()),
            "ProvisionType", names(ProvisionType.values()),
            "Phase", names(Phase.values()),
            "NeedCode", names(NeedCode.values()),
            "EhcpStatus", names(EhcpStatus.values()),
            "EndReason", names(EndReason.values()));

    @Bean
    public OpenAPI placementsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Placements API").version("1")
                        .description("""
                                An English local authority's placements of pupils with special educational needs into \
                                Resource Bases and SEN Units. Writes answer {id, version} with an ETag (201 and \
                                Location for a creation); send If-Match to refuse a write on a changed record (412), \
                                Idempotency-Key to make a retry safe, X-Correlation-Id to tie a request to its events. \
                                Refusals are RFC 9457 problem details: `rule` names the domain rule (409 for a \
                                conflict with the state of things, 422 for other breaches), `errors` lists malformed \
                                fields (400). Lists are paged with page and size. See docs/http.md in the \
                                repository."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Users configured on the service (the demo users by default)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("The authority's identity provider, under the oidc profile")));
    }

    /** Fields that may be null: an object or a boxed value that no constraint requires. */
    @Bean
    public PropertyCustomizer nullableProperties() {
        return (property, type) -> {
            Type javaType = type.getType();
            Class<?> raw = javaType instanceof JavaType j ? j.getRawClass()
                    : javaType instanceof Class<?> c ? c : null;
            boolean required = type.getCtxAnnotations() != null && Arrays.stream(type.getCtxAnnotations())
                    .map(Annotation::annotationType)
                    .anyMatch(a -> a == NotNull.class || a == NotBlank.class || a == NotEmpty.class);
            if (raw != null && !raw.isPrimitive() && !required && property != null && property.get$ref() == null) {
                property.setNullable(true);
            }
            if (type.getCtxAnnotations() != null) {
                Arrays.stream(type.getCtxAnnotations()).filter(PlainText.class::isInstance).map(PlainText.class::cast)
                        .findFirst().ifPresent(p -> property.setPattern(p.lines() ? PlainText.LINES
                                : PlainText.ONE_LINE));
            }
            return property;
        };
    }

    @Bean
    public OpenApiCustomizer placementsContract() {
        return openApi -> {
            openApi.getPaths().remove("/error");
            Components components = openApi.getComponents();
            components.getSchemas().remove("ProblemDetail");
            components.getSchemas().remove("SseEmitter");
            components.addSchemas("FieldError", new ObjectSchema()
                    .addProperty("field", new StringSchema().description("the field, parameter or header at fault"))
                    .addProperty("message", new StringSchema().description("what it must be"))
                    .required(List.of("field", "message")));
            components.addSchemas("Problem", problemSchema());
            openApi.path("/actuator/health", new PathItem().get(new Operation()
                    .summary("Health of the service")
                    .responses(new ApiResponses()
                            .addApiResponse("200", health("up", new ObjectSchema().addProperty("status",
                                    new StringSchema()._enum(List.of("UP"))).required(List.of("status"))))
                            .addApiResponse("503", health("down", new ObjectSchema().addProperty("status",
                                    new StringSchema()).required(List.of("status")))))));
            openApi.setTags(TAGS.values().stream().map(t -> new Tag().name(t[0]).description(t[1])).toList());
            openApi.addSecurityItem(new SecurityRequirement().addList(BASIC));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
            Map<String, PathItem> sorted = new TreeMap<>(openApi.getPaths());
            sorted.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(path, method, operation)));
            viewsAnswerEveryField(openApi);
            components.getSchemas().forEach((name, schema) -> enums(schema));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        String key = method + " " + path;
        operation.setOperationId(OPERATION_IDS.getOrDefault(key, operation.getOperationId()));
        TAGS.entrySet().stream().filter(t -> path.startsWith(t.getKey())).findFirst()
                .ifPresent(t -> operation.setTags(List.of(t.getValue()[0])));
        ApiResponses responses = operation.getResponses();
        if (path.startsWith("/actuator")) {
            operation.setSecurity(List.of());
            addHeader(responses, "X-Correlation-Id", "the request's correlation id (the caller's, if safe)");
            return;
        }
        operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC),
                new SecurityRequirement().addList(BEARER)));
        parameters(path, operation);
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        boolean aggregateWrite = write && (path.startsWith("/api/placements") || path.startsWith("/api/provisions")
                || path.startsWith("/api/admin/pupils") || path.startsWith("/api/funding"));
        boolean identified = path.contains("{");
        if (aggregateWrite) {
            boolean creation = !identified && !path.startsWith("/api/funding"); // the tariff's writes update it
            operation.addParametersItem(header("If-Match", "refuse the write (412) unless the record is at this "
                    + "version, an ETag such as \"3\"", new StringSchema().pattern(ETAG)));
            operation.addParametersItem(header("Idempotency-Key", "repeat a write safely: the same key with the same"
                    + " body answers the first answer again and records nothing; with another body, 422",
                    new StringSchema().minLength(1).maxLength(100).pattern("^[\\x21-\\x7E]{1,100}$")));
            ApiResponse ok = responses.get("200");
            if (ok != null) {
                ok.description(creation ? "created" : "done (a write that changes nothing answers the same version)");
                ok.addHeaderObject("ETag", headerObject("the record's version after the write, such as \"3\"",
                        new StringSchema().pattern(ETAG)));
                if (creation) {
                    responses.remove("200");
                    ok.addHeaderObject("Location", headerObject("the new record", new StringSchema()
                            .format("uri-reference")));
                    responses.addApiResponse("201", ok);
                }
            }
            responses.addApiResponse("409", problem("refused by a rule about the state of things (see rule), or "
                    + "the id already exists, or a concurrent change won"));
            responses.addApiResponse("412", problem("If-Match named a version the record has moved on from (see "
                    + "currentVersion)"));
            responses.addApiResponse("413", problem("the body is larger than the server takes"));
            responses.addApiResponse("415", problem("the body is not application/json"));
            responses.addApiResponse("422", problem("refused by a rule (see rule), or an Idempotency-Key reused with "
                    + "another body"));
        } else if (path.equals("/api/returns/gias/reconciliation")) {
            operation.getRequestBody().description("a GIAS establishment extract: CSV with a header row holding at "
                    + "least URN, EstablishmentName, TypeOfResourcedProvision (name), ResourcedProvisionCapacity, "
                    + "ResourcedProvisionOnRoll, SenUnitCapacity and SenUnitOnRoll (other columns are ignored); "
                    + "UTF-8 unless the Content-Type names a charset").required(true)
                    .content(new Content().addMediaType("text/csv", new MediaType().schema(new StringSchema())));
            responses.addApiResponse("413", problem("the extract is larger than the server takes (8 MiB by "
                    + "default)"));
            responses.addApiResponse("415", problem("the body is not text/csv"));
        } else if (write) {
            responses.addApiResponse("409", problem("another operation is under way"));
        }
        if (path.endsWith("/candidates")) {
            responses.addApiResponse("409", problem("the placement is not waiting for an offer (rule R-STATE)"));
        }
        if (path.equals("/api/placements/{id}") || path.equals("/api/provisions/{id}")) {
            ApiResponse ok = responses.get("200");
            ok.addHeaderObject("ETag", headerObject("the record's version, such as \"3\"",
                    new StringSchema().pattern(ETAG)));
            ok.addHeaderObject("X-Stale", headerObject("true when minVersion was not reached within 2 s",
                    new StringSchema()._enum(List.of("true"))));
            responses.addApiResponse("304", new ApiResponse().description("If-None-Match names the current version")
                    .addHeaderObject("ETag", headerObject("the record's version", new StringSchema().pattern(ETAG))));
        }
        if (path.startsWith("/api/reports/") || path.endsWith(".csv")) {
            responses.get("200").description("RFC 4180 CSV with a header row")
                    .content(new Content().addMediaType("text/csv", new MediaType().schema(new StringSchema())));
        }
        if (path.equals("/api/returns/sen2/placements.csv")) {
            responses.get("200").description("RFC 4180 CSV with a header row of SEN2's item names, one row per "
                            + "placement and need; personal data, so every download is in the access log")
                    .addHeaderObject("X-Erased-Pupils-Excluded", headerObject("how many pupils of the window were "
                            + "left out because their personal data was erased", new StringSchema()
                            .pattern("^[0-9]+$")));
        }
        if (path.equals("/api/dashboard/capacity/stream")) {
            responses.get("200").description("server-sent events: `snapshot` (each provision's row when the stream "
                            + "opens), then `capacity` (a row each time a provision's figures change); each event's "
                            + "data is a ProvisionCapacity row as JSON, its id the provision's id")
                    .content(new Content().addMediaType("text/event-stream", new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/ProvisionCapacity"))));
        }
        if (path.equals("/api/admin/backups/{file}")) {
            responses.get("200").content(new Content().addMediaType("application/zip",
                    new MediaType().schema(new StringSchema().format("binary"))));
        }
        if (path.startsWith("/api/admin/backups")) {
            responses.addApiResponse("501", problem("the database is not an embedded H2 file (in memory, or "
                    + "PostgreSQL, which is backed up with its own tools)"));
        }
        responses.addApiResponse("400", problem("malformed input: see errors"));
        responses.addApiResponse("401", problem("no credentials, or wrong ones"));
        responses.addApiResponse("403", problem("the user's role may not do this"));
        if (identified && !path.startsWith("/api/funding/schedules/")) { // a month names no record
            responses.addApiResponse("404", problem("no record with this id"));
        }
        responses.addApiResponse("406", problem("the Accept header allows nothing this operation answers"));
        operation.addParametersItem(header("X-Correlation-Id", "ties the request to the events it records "
                + "(1 to 100 of A-Z a-z 0-9 . _ : -; another value is replaced)", new StringSchema()));
        addHeader(responses, "X-Correlation-Id", "the request's correlation id");
        responses.putAll(sortedByStatus(responses));
    }

    /** Bounds and patterns of the parameters; each gets a schema of its own (springdoc shares them by type). */
    private static void parameters(String path, Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            Schema<?> s = p.getSchema();
            switch (p.getName()) {
                case "page" -> p.setSchema(new IntegerSchema().minimum(BigDecimal.ZERO)
                        .maximum(BigDecimal.valueOf(1_000_000))._default(0));
                case "size" -> p.setSchema(new IntegerSchema().minimum(BigDecimal.ONE)
                        .maximum(BigDecimal.valueOf(500))._default(50));
                case "minVersion" -> p.setSchema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO));
                case "yearGroup" -> p.setSchema(new IntegerSchema().minimum(BigDecimal.ZERO)
                        .maximum(BigDecimal.valueOf(13)));
                case "q" -> p.setSchema(new StringSchema().maxLength(100));
                case "sort" -> {
                    List<String> sorts = new ArrayList<>(FindCaseload.SORTS);
                    FindCaseload.SORTS.forEach(x -> sorts.add("-" + x));
                    p.setSchema(new StringSchema()._enum(sorts));
                    p.description("the order of the caseload; a leading '-' for descending; placements with the same"
                            + " value come in placement id order, in the same direction");
                }
                case "asOf" -> {
                    if (path.startsWith("/api/returns/scap/capacity")) {
                        p.setSchema(new StringSchema().format("date"));
                        p.description("the day the capacity is as at (default: SCAP's 1 May, this year's until it "
                                + "has passed, then next year's)");
                    } else if (path.startsWith("/api/returns/scap/forecast")) {
                        p.setSchema(new StringSchema().format("date"));
                        p.description("the day the forecast starts from, reading the history up to it (default: "
                                + "today; not after today)");
                    } else if (s == null || s.getFormat() == null) {
                        p.setSchema(new StringSchema().format("date"));
                        p.description("the day the figures are as at (default: today)");
                    }
                }
                case "upn" -> p.setSchema(new StringSchema().pattern(UPN));
                case "offeredOn" -> {
                    p.setSchema(new StringSchema().format("date"));
                    p.description("the day the offer would be made (default: today)");
                }
                case "censusDate" -> {
                    p.setSchema(new StringSchema().format("date"));
                    p.description("the SEN2 census day the return is as at (default: the third Thursday of the "
                            + "January to come, or of this January until it has passed)");
                }
                case "from" -> {
                    if (!path.startsWith("/api/returns/")) { // the access log's is an instant
                        continue;
                    }
                    p.setSchema(new StringSchema().format("date"));
                    p.description("the first day of the collection window (default: 1 January of the year before "
                            + "the census day's)");
                }
                case "urn" -> p.setSchema(new StringSchema().pattern("^[0-9]{6}$"));
                case "month" -> p.setSchema(new StringSchema().pattern("^[0-9]{4}-(0[1-9]|1[0-2])$")
                        .example("2026-09"));
                case "year", "financialYear" -> p.setSchema(new StringSchema()
                        .pattern("^[0-9]{4}-[0-9]{2}$").example("2026-27"));
                case "provisionId" -> p.setSchema(new StringSchema().pattern(PROVISION_ID));
                case "academicYear" -> {
                    p.setSchema(new StringSchema().pattern(ACADEMIC_YEAR));
                    p.description("an academic year (1 September to 31 August) written like 2027-28"
                            + ("query".equals(p.getIn()) ? "; default: the next academic year" : ""));
                }
                case "id" -> p.setSchema(new StringSchema().pattern(path.startsWith("/api/placements")
                        || path.startsWith("/api/audit/placements") || path.startsWith("/api/funding/placements")
                        ? PLACEMENT_ID : PROVISION_ID));
                default -> {
                }
            }
        }
    }

    /** The problem details of RFC 9457 as this server writes them. */
    private static Schema<?> problemSchema() {
        List<String> rules = Arrays.stream(Rule.values()).map(Rule::code).toList();
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri-reference").example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().minimum(BigDecimal.valueOf(400))
                        .maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().nullable(true))
                .addProperty("instance", new StringSchema().format("uri-reference").nullable(true))
                .addProperty("rule", new StringSchema()._enum(rules)
                        .description("the domain rule that refused the command (409 or 422)"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("the malformed fields, parameters or headers (400)"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("the record's version now (412)"))
                .required(List.of("status", "title"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    /** Actuator answers in its own media type unless the client asks for JSON. */
    private static ApiResponse health(String description, Schema<?> schema) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType("application/vnd.spring-boot.actuator.v3+json", new MediaType().schema(schema))
                .addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType()
                        .schema(schema)));
    }

    private static Parameter header(String name, String description, Schema<?> schema) {
        return new HeaderParameter().name(name).description(description).required(false).schema(schema);
    }

    private static Header headerObject(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }

    private static void addHeader(ApiResponses responses, String name, String description) {
        responses.forEach((status, response) -> response.addHeaderObject(name,
                headerObject(description, new StringSchema())));
    }

    private static Map<String, ApiResponse> sortedByStatus(ApiResponses responses) {
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        return sorted;
    }

    /**
     * Every property of a schema the server answers with is present in the answer (Jackson writes nulls too), so
     * it is required; whether it may be null is the property's own {@code nullable}.
     */
    private static void viewsAnswerEveryField(OpenAPI openApi) {
        Set<String> requestBodies = new LinkedHashSet<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().values().forEach(m -> collect(openApi, m.getSchema(), requestBodies));
            }
        }));
        openApi.getComponents().getSchemas().forEach((name, schema) -> {
            if (!requestBodies.contains(name) && schema.getProperties() != null && schema.getRequired() == null
                    && !name.equals("JsonNode")) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                // OpenAPI 3.0 ignores nullable beside a $ref (and allOf does not let null through), so the object
                // that may be null says so itself: these schemas appear only in the views, where they may.
                Map<String, Schema> properties = schema.getProperties();
                NULLABLE_OBJECTS.stream().map(properties::get).filter(p -> p != null && p.get$ref() != null)
                        .map(p -> openApi.getComponents().getSchemas().get(p.get$ref()
                                .substring(p.get$ref().lastIndexOf('/') + 1)))
                        .filter(java.util.Objects::nonNull).forEach(target -> target.setNullable(true));
            }
        });
    }

    private static void collect(OpenAPI openApi, Schema<?> schema, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collect(openApi, openApi.getComponents().getSchemas().get(name), names);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collect(openApi, p, names));
        }
        if (schema.getItems() != null) {
            collect(openApi, schema.getItems(), names);
        }
    }

    /** The views carry enums as their names: say which. */
    @SuppressWarnings("unchecked")
    private static void enums(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().forEach((name, property) -> {
            Function<String, List<String>> values = ENUMS::get;
            String kind = switch (name) {
                case "primaryNeed", "need" -> "NeedCode";
                case "secondaryNeeds", "designatedNeeds" -> "NeedCode[]";
                case "ehcpStatus" -> "EhcpStatus";
                case "requestedType", "provisionType" -> "ProvisionType";
                case "phase" -> "Phase";
                case "endReason" -> "EndReason";
                case "type" -> schema.getProperties().containsKey("designatedNeeds")
                        || schema.getProperties().containsKey("phase") ? "ProvisionType" : null;
                case "status" -> schema.getProperties().containsKey("pupil") ? "PlacementStatus"
                        : schema.getProperties().containsKey("designatedNeeds") ? "ProvisionStatus" : null;
                default -> null;
            };
            if (kind == null || property.get$ref() != null) {
                return;
            }
            Schema<Object> target = (Schema<Object>) (kind.endsWith("[]") ? property.getItems() : property);
            if (target != null && target.getEnum() == null && "string".equals(target.getType())) {
                target.setEnum(new ArrayList<>(values.apply(kind.replace("[]", ""))));
            }
        });
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
