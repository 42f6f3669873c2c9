package uk.placements.app.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import uk.placements.command.http.Api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Generators of hostile requests against every endpoint of API.md: the endpoints with their valid bodies and query
 * parameters, and every way to break them (bodies, headers, paths, query strings, methods, bytes that are not
 * UTF-8). The fixtures (a real placement, provision and pupil) let some requests reach the domain rather than stop
 * at a 404.
 */
final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An endpoint of API.md: method, path with {placement}/{provision}/{upn}/{projection}, user, body, params. */
    record Endpoint(String method, String path, String user, String body, List<String> params) {
        boolean writes() {
            return body != null;
        }
    }

    /** Real ids the requests may name, created before the properties run. */
    record Fixtures(String placement, String provision, String upn) {
    }

    static final List<String> PROJECTIONS = List.of("caseload", "placement-history", "provisions", "capacity-live");

    private final Fixtures fixtures;
    private final List<Endpoint> endpoints;

    HostileRequests(Fixtures fixtures) {
        this.fixtures = fixtures;
        String provisionBody = Api.provisionJson("{newProvision}", "RESOURCE_BASE", 0, 6, "\"ASD\"", 5);
        String referral = Api.referralJson("{newUpn}", 3, "ASD", "EHCP", "2026-09-01");
        List<String> read = List.of("minVersion");
        List<String> asOf = List.of("asOf");
        this.endpoints = List.of(
                new Endpoint("POST", "/api/provisions", "provision-admin", provisionBody, List.of()),
                new Endpoint("PUT", "/api/provisions/{provision}/places", "provision-admin",
                        "{\"commissionedPlaces\":9,\"effectiveFrom\":\"2026-09-01\",\"reason\":\"more demand\"}",
                        List.of()),
                new Endpoint("POST", "/api/provisions/{provision}/staffing", "provision-admin",
                        "{\"adults\":4,\"qualifiedTeachers\":1,\"therapyHoursPerWeek\":6.5,\"effectiveFrom\":\"2026-09-01\"}",
                        List.of()),
                new Endpoint("POST", "/api/provisions/{provision}/close", "provision-admin",
                        "{\"closedOn\":\"2026-09-01\",\"reason\":\"decommissioned\"}", List.of()),
                new Endpoint("POST", "/api/placements", "caseworker", referral, List.of()),
                new Endpoint("POST", "/api/placements/{placement}/offer", "caseworker",
                        "{\"provisionId\":\"{provision}\",\"offeredOn\":\"2026-09-10\",\"needOverrideReason\":\"fits\","
                                + "\"overCapacityDecision\":{\"reason\":\"panel\",\"decidedBy\":\"Head of SEN\"}}",
                        List.of()),
                new Endpoint("POST", "/api/placements/{placement}/offer/decline", "caseworker",
                        "{\"on\":\"2026-09-10\",\"reason\":\"family chose another school\"}", List.of()),
                new Endpoint("POST", "/api/placements/{placement}/offer/withdraw", "caseworker",
                        "{\"on\":\"2026-09-10\",\"reason\":\"made in error\"}", List.of()),
                new Endpoint("POST", "/api/placements/{placement}/admission", "caseworker",
                        "{\"admittedOn\":\"2026-09-10\",\"mainstreamPercent\":50,\"reason\":\"plan\"}", List.of()),
                new Endpoint("POST", "/api/placements/{placement}/time-split", "caseworker",
                        "{\"mainstreamPercent\":60,\"effectiveFrom\":\"2026-10-01\",\"reason\":\"review\","
                                + "\"reasonCategory\":\"UNSPECIFIED\"}", List.of()),
                new Endpoint("POST", "/api/placements/{placement}/move-to-mainstream", "caseworker",
                        "{\"effectiveFrom\":\"2026-10-01\",\"note\":\"thriving\"}", List.of()),
                new Endpoint("POST", "/api/placements/{placement}/end", "caseworker",
                        "{\"effectiveFrom\":\"2026-10-01\",\"reason\":\"LEFT_AREA\",\"note\":\"moved\"}", List.of()),
                new Endpoint("POST", "/api/placements/{placement}/withdraw", "caseworker",
                        "{\"on\":\"2026-10-01\",\"reason\":\"no longer needed\"}", List.of()),
                new Endpoint("POST", "/api/admin/pupils/{upn}/erase", "admin", "{\"reason\":\"retention ended\"}",
                        List.of()),
                new Endpoint("POST", "/api/admin/projections/{projection}/rebuild", "admin", "", List.of()),
                new Endpoint("GET", "/api/provisions", "caseworker", null,
                        List.of("type", "phase", "need", "status", "page", "size")),
                new Endpoint("GET", "/api/provisions/{provision}", "analyst", null, read),
                new Endpoint("GET", "/api/placements", "caseworker", null,
                        List.of("status", "provisionId", "need", "yearGroup", "type", "q", "sort", "page", "size")),
                new Endpoint("GET", "/api/placements/{placement}", "caseworker", null, read),
                new Endpoint("GET", "/api/audit/placements/{placement}/events", "auditor", null, List.of()),
                new Endpoint("GET", "/api/audit/placements/{placement}/state", "auditor", null, List.of("asOf")),
                new Endpoint("GET", "/api/audit/placements/{placement}/verify", "auditor", null, List.of()),
                new Endpoint("GET", "/api/audit/provisions/{provision}/events", "auditor", null, List.of()),
                new Endpoint("GET", "/api/audit/provisions/{provision}/state", "auditor", null, List.of("asOf")),
                new Endpoint("GET", "/api/audit/provisions/{provision}/verify", "auditor", null, List.of()),
                new Endpoint("GET", "/api/audit/access-log", "auditor", null, List.of("upn", "user", "from", "to")),
                new Endpoint("GET", "/api/dashboard/capacity", "analyst", null, asOf),
                new Endpoint("GET", "/api/dashboard/waiting-list", "analyst", null, asOf),
                new Endpoint("GET", "/api/dashboard/inclusion", "analyst", null, asOf),
                new Endpoint("GET", "/api/reports/placements.csv", "analyst", null, asOf),
                new Endpoint("GET", "/api/reports/capacity.csv", "analyst", null, asOf),
                new Endpoint("GET", "/api/admin/projections", "admin", null, List.of()),
                new Endpoint("GET", "/api/admin/retention", "admin", null, asOf),
                new Endpoint("GET", "/api/me", "analyst", null, List.of()),
                new Endpoint("GET", "/actuator/health", null, null, List.of()),
                new Endpoint("GET", "/actuator/prometheus", "admin", null, List.of()));
        // Not here: GET /api/dashboard/capacity/stream answers an endless event stream by design (other methods
        // and Accept headers on it are covered by the random paths and methods below).
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    // ---------------------------------------------------------------- whole requests

    /** Requests to write endpoints: their method and path, with bodies broken in every way. */
    Arbitrary<RawHttp.Request> writes() {
        Arbitrary<Endpoint> writes = Arbitraries.of(endpoints.stream().filter(Endpoint::writes).toList());
        return writes.flatMap(e -> Combinators.combine(Arbitraries.just(method(e)), target(e, false),
                headers(e, true), body(e)).as(RawHttp.Request::new));
    }

    /** Requests to read endpoints with hostile query strings and headers. */
    Arbitrary<RawHttp.Request> reads() {
        Arbitrary<Endpoint> reads = Arbitraries.of(endpoints.stream().filter(e -> !e.writes()).toList());
        return reads.flatMap(e -> Combinators.combine(Arbitraries.just(method(e)), target(e, true),
                headers(e, false), Arbitraries.just((byte[]) null)).as(RawHttp.Request::new));
    }

    /** Any endpoint, any method, mangled paths, any body. */
    Arbitrary<RawHttp.Request> anything() {
        Arbitrary<Endpoint> any = Arbitraries.of(endpoints);
        return any.flatMap(e -> Combinators.combine(methods(e), mangledTarget(e), headers(e, e.writes()),
                Arbitraries.oneOf(body(e), Arbitraries.just((byte[]) null))).as(RawHttp.Request::new));
    }

    /** Write endpoints with JSON nested thousands of levels deep, in the whole body or inside a field. */
    Arbitrary<RawHttp.Request> deeplyNested() {
        Arbitrary<Endpoint> writes = Arbitraries.of(endpoints.stream().filter(Endpoint::writes).toList());
        Arbitrary<byte[]> nested = Combinators.combine(Arbitraries.of(1_000, 5_000, 10_000, 50_000),
                Arbitraries.of("[", "{\"a\":"), Arbitraries.of(true, false)).as(HostileRequests::nested);
        return writes.flatMap(e -> Combinators.combine(Arbitraries.just(method(e)), target(e, false),
                headers(e, true), Arbitraries.oneOf(nested, nested.map(n -> insideField(e, n))))
                .as(RawHttp.Request::new));
    }

    /** Request lines and headers that are not HTTP: control bytes, bad tokens, oversize, non-ASCII names. */
    Arbitrary<RawHttp.Request> brokenFraming() {
        Arbitrary<byte[]> methods = Arbitraries.of("GET", "POST", "G ET", "GET\u0000", "\u00ff\u00fe", "(", "",
                "POST\tX", "GE\u007fT").map(HostileRequests::latin1);
        Arbitrary<byte[]> targets = Arbitraries.of("/api/placements", "/api/placements/\u0000",
                "/api/provisions/%", "/api/\u00ff\u00fe", "/api/placements/a\u0001b", "*", "http://evil/api/me",
                "/api/me?x=\u0007", "api/me", "/api/me#frag", "/%2e%2e/%2e%2e/etc/passwd", "/api/%C3%28",
                "/api/me/" + "a".repeat(9_000), "/api/me?" + "q=1&".repeat(3_000)).map(HostileRequests::latin1);
        Arbitrary<List<byte[][]>> headers = Arbitraries.of(
                List.<byte[][]>of(), header("X-Bad\u0000Name", "1"), header("Accept", "\u0000"),
                header("Authorization", "Basic \u00ff\u00fe"), header("Content-Type", "application/json\u0001"),
                header("No Colon Here", "x"), header("X-Long", "x".repeat(20_000)),
                header("Idempotency-Key", "\u00e9\u00e8"), header("\u00e9", "accent"),
                header("Content-Length", "-1"), header("Content-Length", "abc"),
                header("Transfer-Encoding", "gzip, chunked, identity"), header("If-Match", "\u0085\"1\""),
                List.<byte[][]>of(basic("caseworker", "demo")));
        return Combinators.combine(methods, targets, headers, Arbitraries.of(new byte[0], "{}".getBytes(),
                new byte[]{(byte) 0xff, (byte) 0xfe, 0})).as(RawHttp.Request::new);
    }

    // ---------------------------------------------------------------- parts

    private static byte[] method(Endpoint e) {
        return latin1(e.method());
    }

    private Arbitrary<byte[]> methods(Endpoint e) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(method(e))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
                        "TRACE", "FOO", "get", "PROPFIND", "M-SEARCH", "CONNECT").map(HostileRequests::latin1)));
    }

    private Arbitrary<byte[]> target(Endpoint e, boolean withQuery) {
        Arbitrary<String> path = Combinators.combine(ids(fixtures.placement()), ids(fixtures.provision()),
                ids(fixtures.upn()), Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.of(PROJECTIONS)),
                        net.jqwik.api.Tuple.of(9, ids("nope"))))
                .as((pl, pr, upn, projection) -> e.path().replace("{placement}", pl).replace("{provision}", pr)
                        .replace("{upn}", upn).replace("{projection}", projection));
        Arbitrary<String> query = withQuery || e.params().isEmpty()
                ? query(e.params()) : Arbitraries.just("");
        return Combinators.combine(path, query).as((p, q) -> latin1(p + q));
    }

    private Arbitrary<byte[]> mangledTarget(Endpoint e) {
        Arbitrary<String> suffix = Arbitraries.of("", "", "", "/", "//", "/extra", ";a=1", "/..", "/%2e%2e",
                "%20", "/%00", "/%C3%28", "/\u00e9", "/%2F", "?", "?&&=&", "/.%2e/", "/" + "x".repeat(2_000));
        return Combinators.combine(target(e, true), suffix).as((t, s) -> {
            String text = RawHttp.latin1(t);
            int q = text.indexOf('?');
            return latin1(q < 0 ? text + s : text.substring(0, q) + s + text.substring(q));
        });
    }

    /** A path variable: the real one, an unknown one, or something no id looks like. */
    private static Arbitrary<String> ids(String real) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(real)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(java.util.UUID.randomUUID().toString())),
                net.jqwik.api.Tuple.of(4, Arbitraries.of("", "%20", "null", "-1", "0", "..", "%2e%2e", "%00", "%C3%28",
                        "%FF%FE", "%E2%82%AC", "\u00e9l\u00e8ve", "a;b=c", "%2F", "%25", "{id}", "x".repeat(5_000),
                        "' OR '1'='1", "%27%3B%20DROP%20TABLE%20DomainEventEntry%3B--", "%3Cscript%3E",
                        "../../etc/passwd", "1e400", "A801200005001", "dashboard", "nope",
                        "%F0%9F%98%80", "%ED%A0%80", "%C0%AF")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40)
                        .map(HostileRequests::urlEncodeSome)));
    }

    private static Arbitrary<String> query(List<String> params) {
        List<String> names = new ArrayList<>(params);
        names.addAll(List.of("page", "size", "x", "asOf", "minVersion", ""));
        Arbitrary<String> value = Arbitraries.oneOf(values(),
                Arbitraries.strings().ofMaxLength(30).map(HostileRequests::urlEncodeSome));
        // A well-formed minVersion makes the read wait up to 2 s for a version that never comes (by design): only
        // malformed ones here, or the properties would spend their time waiting.
        Arbitrary<String> minVersion = Arbitraries.of("-1", "abc", "99999999999999999999", "", "1.5", "0x1", "%00",
                "1e3", "%C3%28");
        Arbitrary<String> pair = Combinators.combine(Arbitraries.of(names), value, minVersion,
                Arbitraries.of("=", "=", "=", "", "==")).as((n, v, m, eq) -> n + eq + (n.equals("minVersion") ? m : v));
        return pair.list().ofMaxSize(6).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    /** Values valid somewhere and hostile everywhere else. */
    private static Arbitrary<String> values() {
        return Arbitraries.of("", "0", "1", "-1", "500", "501", "2147483648", "99999999999999999999", "1.5", "1e3",
                "NaN", "true", "ASD", "asd", "ADMITTED", "REFERRED", "RESOURCE_BASE", "PRIMARY", "OPEN", "NOPE",
                "2026-09-01", "2026-02-30", "0000-00-00", "+999999999-12-31", "2026-09-01T08:30:00Z",
                "2026-09-01T25:00:00Z", "-999999999-01-01T00:00:00Z", "%", "%G1", "%C3%28", "%FF", "%00",
                "%E2%80%AE", "-name", "name", "referredOn", "x".repeat(300), "%27", "%22%7D", "\u00e9");
    }

    private Arbitrary<List<byte[][]>> headers(Endpoint e, boolean withBody) {
        Arbitrary<byte[][]> auth = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(e.user() == null ? basic("admin", "demo")
                        : basic(e.user(), "demo"))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("caseworker", "provision-admin", "auditor", "analyst", "admin")
                        .map(u -> basic(u, "demo"))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("Basic", "Basic ", "Basic !!!", "Basic " + Base64.getEncoder()
                                .encodeToString("no-colon".getBytes()), "Bearer x.y.z", "Bearer ", "Digest a=b",
                        "Basic " + Base64.getEncoder().encodeToString(new byte[]{(byte) 0xff, ':', (byte) 0xfe}),
                        "Basic " + Base64.getEncoder().encodeToString("caseworker:wrong".getBytes()))
                        .map(v -> new byte[][]{latin1("Authorization"), latin1(v)})),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((byte[][]) null)));
        Arbitrary<byte[][]> contentType = withBody ? Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("application/json; charset=UTF-8",
                        "application/json; charset=ISO-8859-1", "application/json; charset=nope",
                        "application/json; charset=UTF-16", "text/plain", "application/xml", "text/xml",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
                        "multipart/form-data", "application/problem+json", "application/merge-patch+json", "*/*",
                        "application/*", "a/b/c", "json", "", ";", "application/json;;;", "text/csv",
                        "application/octet-stream", "application/json; boundary=\"")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)))
                .map(v -> v == null ? null : new byte[][]{latin1("Content-Type"), latin1(v)})
                : Arbitraries.of("application/json", "text/plain").injectNull(0.8)
                .map(v -> v == null ? null : new byte[][]{latin1("Content-Type"), latin1(v)});
        Arbitrary<byte[][]> accept = Arbitraries.of("application/json", "application/problem+json", "*/*",
                "text/csv", "text/html", "application/xml", "text/event-stream", "image/png", "a/b/c", "", ";q=x",
                "application/json;q=0", "text/*;q=0.5, application/*;q=2").injectNull(0.5)
                .map(v -> v == null ? null : new byte[][]{latin1("Accept"), latin1(v)});
        Arbitrary<byte[][]> ifMatch = Arbitraries.of("\"0\"", "\"1\"", "\"2\"", "*", "W/\"0\"", "\"-1\"",
                "\"99999999999999999999\"", "garbage", "\"\"", "\"1\", \"2\"", "0", " \"1\" ", "\"1").injectNull(0.6)
                .map(v -> v == null ? null : new byte[][]{latin1("If-Match"), latin1(v)});
        Arbitrary<byte[][]> ifNoneMatch = Arbitraries.of("\"0\"", "\"1\"", "*", "garbage").injectNull(0.8)
                .map(v -> v == null ? null : new byte[][]{latin1("If-None-Match"), latin1(v)});
        Arbitrary<byte[][]> idempotencyKey = Arbitraries.oneOf(
                        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(100),
                        Arbitraries.of("", " ", "k".repeat(101), "a b", "\u00e9t\u00e9", "\t"))
                .injectNull(0.6)
                .map(v -> v == null ? null : new byte[][]{latin1("Idempotency-Key"), latin1(v)});
        Arbitrary<byte[][]> correlation = Arbitraries.of("abc", "x".repeat(500), "<script>", "\u00e9", "")
                .injectNull(0.8)
                .map(v -> v == null ? null : new byte[][]{latin1("X-Correlation-Id"), latin1(v)});
        return Combinators.combine(List.of(auth, contentType, accept, ifMatch, ifNoneMatch, idempotencyKey,
                correlation)).as(list -> list.stream().filter(java.util.Objects::nonNull).toList());
    }

    private Arbitrary<byte[]> body(Endpoint e) {
        String valid = e.body() == null ? "{}" : e.body();
        Arbitrary<String> template = Arbitraries.just(valid).map(this::fill);
        Arbitrary<byte[]> mutated = template.flatMap(t -> mutation(t));
        Arbitrary<byte[]> randomJson = JsonValues.any(4).map(j -> j.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = template.flatMap(t -> Arbitraries.integers().between(0, Math.max(0,
                t.length() - 1)).map(n -> t.substring(0, n).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> badUtf8 = Combinators.combine(template, Arbitraries.of(BAD_UTF8)).as(HostileRequests::insertBad);
        Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> fixed = Arbitraries.of("", "null", "[]", "{}", "\"string\"", "0", "{\"a\":1,\"a\":2}",
                        "\ufeff" + "{}", "{}{}", "{} trailing", "{\"pupil\":null}", "[" + valid + "]",
                        valid.replace("\"", "'"), valid.replace(":", ": 1e400, \"x\":"))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> huge = Arbitraries.of(100_000, 300_000).map(n -> ("{\"reason\":\"" + "x".repeat(n)
                + "\",\"note\":\"n\"}").getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, template.map(t -> t.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(10, mutated),
                net.jqwik.api.Tuple.of(3, randomJson),
                net.jqwik.api.Tuple.of(2, truncated),
                net.jqwik.api.Tuple.of(3, badUtf8),
                net.jqwik.api.Tuple.of(1, garbage),
                net.jqwik.api.Tuple.of(3, fixed),
                net.jqwik.api.Tuple.of(1, huge));
    }

    private String fill(String template) {
        return template.replace("{newProvision}", Api.newProvisionId("FUZZ"))
                .replace("{newUpn}", Api.newUpn()).replace("{provision}", fixtures.provision());
    }

    /** The valid body with one field (at any depth) removed, replaced by a hostile value, or joined by another. */
    private static Arbitrary<byte[]> mutation(String validJson) {
        ObjectNode valid = (ObjectNode) read(validJson.isEmpty() ? "{}" : validJson);
        List<String> fields = new ArrayList<>();
        collect(valid, "", fields);
        if (fields.isEmpty()) {
            fields.add("reason");
        }
        return Combinators.combine(Arbitraries.of(fields), Arbitraries.of("remove", "replace", "replace", "add"),
                JsonValues.any(3)).as((field, how, value) -> {
            ObjectNode copy = valid.deepCopy();
            String[] path = field.split("\\.");
            ObjectNode parent = copy;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.get(path[i]) instanceof ObjectNode o ? o : parent.putObject(path[i]);
            }
            String name = path[path.length - 1];
            switch (how) {
                case "remove" -> parent.remove(name);
                case "replace" -> parent.set(name, read(value));
                default -> parent.set(name + "X", read(value));
            }
            return copy.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    private static void collect(ObjectNode node, String prefix, List<String> into) {
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = it.next();
            into.add(prefix + field.getKey());
            if (field.getValue() instanceof ObjectNode child) {
                collect(child, prefix + field.getKey() + ".", into);
            }
        }
    }

    private static final List<byte[]> BAD_UTF8 = List.of(new byte[]{(byte) 0xc3, 0x28}, new byte[]{(byte) 0xff},
            new byte[]{(byte) 0xfe, (byte) 0xff}, new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[]{(byte) 0xc0, (byte) 0xaf}, new byte[]{(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
            new byte[]{(byte) 0xe2, (byte) 0x82}, new byte[]{0}, new byte[]{(byte) 0x80});

    /** Invalid UTF-8 inside the first string value (or at the start when there is none). */
    private static byte[] insertBad(String json, byte[] bad) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int at = json.indexOf(":\"");
        at = at < 0 ? 0 : json.substring(0, at + 2).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(bad);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] nested(int depth, String open, boolean closed) {
        String close = open.equals("[") ? "]" : "}";
        StringBuilder s = new StringBuilder(depth * (open.length() + 1) + 2);
        s.append(open.repeat(depth)).append("1");
        if (closed) {
            s.append(close.repeat(depth));
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] insideField(Endpoint e, byte[] nested) {
        String valid = fill(e.body() == null || e.body().isEmpty() ? "{\"reason\":\"x\"}" : e.body());
        int colon = valid.indexOf(':');
        int end = valid.indexOf(',', colon) < 0 ? valid.lastIndexOf('}') : valid.indexOf(',', colon);
        return (valid.substring(0, colon + 1) + new String(nested, StandardCharsets.UTF_8) + valid.substring(end))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }

    private static String urlEncodeSome(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '%') {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b));
                }
            }
        }
        return out.toString();
    }

    private static List<byte[][]> header(String name, String value) {
        return List.<byte[][]>of(new byte[][]{latin1(name), latin1(value)});
    }

    static byte[][] basic(String user, String password) {
        return new byte[][]{latin1("Authorization"), latin1("Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))};
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
