package uk.placements.app.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import uk.placements.app.AppTest;
import uk.placements.app.PlacementsApplication;
import uk.placements.command.http.Api;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import uk.placements.query.capacity.CapacityLedgerProjection;
import uk.placements.query.dashboard.CapacityReader;
import uk.placements.query.dashboard.DashboardCache;
import uk.placements.query.provision.ProvisionProjection;
import uk.placements.query.operations.ProjectionOperations;
import uk.placements.query.dashboard.DashboardQueries;
import uk.placements.shared.dashboard.CapacityDashboard;
import uk.placements.shared.dashboard.GetCapacity;
import uk.placements.shared.dashboard.GetInclusion;
import uk.placements.shared.dashboard.GetWaitingList;
import uk.placements.shared.dashboard.InclusionDashboard;
import uk.placements.shared.dashboard.ProvisionCapacity;
import uk.placements.shared.dashboard.WaitingList;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard's answer is computed once per position of the read models it reads: asked again with nothing changed,
 * the same answer; after any change (a new provision, an offer), a fresh one that shows it.
 */
@SpringBootTest(classes = PlacementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:dashboard-cache;DB_CLOSE_DELAY=-1",
                "placements.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
        })
class DashboardCacheTest extends AppTest {

    @Autowired
    private DashboardQueries dashboards;
    @Autowired
    private CapacityReader capacity;
    @Autowired
    private Clock clock;
    @Autowired
    private DashboardCache cache;
    @Autowired
    private ObjectMapper objectMapper;
    @Autowired
    private RequestMappingHandlerAdapter mvc;
    @Autowired
    private ProjectionOperations operations;
    @Autowired
    private TokenStore tokenStore;

    @Test
    void anAnswerIsKeptWhileNothingChangesAndComputedAfreshAfterAChange() {
        String provision = api.commission(Api.newProvisionId("CACHE"), "SEN_UNIT", 2);
        eventually(() -> row(dashboards.handle(new GetCapacity(today())), provision) != null);

        CapacityDashboard first = dashboards.handle(new GetCapacity(today()));
        assertThat(dashboards.handle(new GetCapacity(today()))).isSameAs(first);
        WaitingList waiting = dashboards.handle(new GetWaitingList(today()));
        assertThat(dashboards.handle(new GetWaitingList(today()))).isSameAs(waiting);
        InclusionDashboard inclusion = dashboards.handle(new GetInclusion(today()));
        assertThat(dashboards.handle(new GetInclusion(today()))).isSameAs(inclusion);
        // another date is another question
        assertThat(dashboards.handle(new GetCapacity(today().minusDays(1)))).isNotSameAs(first);

        assertThat(api.offer(api.refer(Api.newUpn()), provision).status()).isEqualTo(200);
        eventually(() -> row(dashboards.handle(new GetCapacity(today())), provision).figures().offersOutstanding()
                == 1);
        CapacityDashboard after = dashboards.handle(new GetCapacity(today()));
        assertThat(after).isNotSameAs(first);
        assertThat(row(after, provision).figures().vacancies()).isEqualTo(1);
        assertThat(row(first, provision).figures().vacancies()).isEqualTo(2);
        assertThat(dashboards.handle(new GetWaitingList(today()))).isNotSameAs(waiting);
    }

    /**
     * The capacity reader keeps every provision's name and kind between reads while the provisions' change counter
     * stands still: a provision commissioned after a read is read again (a kept list that missed it would leave its
     * row out of every dashboard). A rebuild of the provisions moves the counter, and both provisions are there
     * after it (the rebuild writes the same names, so this part shows the counter moving, not a second read).
     */
    @Test
    void provisionsReadAfterAChangeToThemAreReadAgain() {
        String first = api.commission(Api.newProvisionId("NAMES"), "SEN_UNIT", 2);
        eventually(() -> capacity.asAt(today()).stream().anyMatch(p -> p.provisionId().equals(first)));
        assertThat(capacity.asAt(today()).stream().anyMatch(p -> p.provisionId().equals(first))).isTrue();

        String second = api.commission(Api.newProvisionId("NAMES"), "RESOURCE_BASE", 3);
        eventually(() -> capacity.asAt(today()).stream().anyMatch(p -> p.provisionId().equals(second)));
        ProvisionCapacity row = capacity.asAt(today()).stream().filter(p -> p.provisionId().equals(second))
                .findFirst().orElseThrow();
        assertThat(row.type()).isEqualTo("RESOURCE_BASE");
        assertThat(row.name()).isEqualTo(jdbc.queryForObject(
                "SELECT name FROM rm_provision WHERE provision_id = ?", String.class, second));
        assertThat(capacity.inclusionAsAt(today())).anyMatch(p -> p.provisionId().equals(second)
                && p.type().equals("RESOURCE_BASE"));

        long before = provisionsChanges();
        operations.rebuild(ProvisionProjection.NAME);
        assertThat(provisionsChanges()).isGreaterThan(before);
        assertThat(capacity.asAt(today()).stream().map(ProvisionCapacity::provisionId)).contains(first, second);
    }

    private long provisionsChanges() {
        return jdbc.queryForObject("SELECT changes FROM read_model_change WHERE processing_group = ?", Long.class,
                ProvisionProjection.NAME);
    }

    /**
     * A kept answer outlives the tokens moving over events none of its read models handle. Erasing a pupil is
     * handled by the caseload alone; the other processors store their tokens past it later (Axon stores a token that
     * passed only over events its processor does not handle lazily, a claim extension after its last batch). No row
     * the dashboards read changed, so the answer is the one kept. A rebuild of one of them is a change.
     */
    @Test
    void anAnswerOutlivesTokensMovedOverEventsItsReadModelsDoNotHandleButNotARebuild() {
        String provision = api.commission(Api.newProvisionId("TOKENS"), "SEN_UNIT", 4);
        String upn = Api.newUpn();
        String placement = api.refer(upn);
        assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        long head = head();
        eventually(() -> DashboardCache.READ_MODELS.stream().allMatch(group -> storedAtLeast(group, head)));

        CapacityDashboard first = dashboards.handle(new GetCapacity(today()));
        WaitingList waiting = dashboards.handle(new GetWaitingList(today()));
        assertThat(row(first, provision).figures().offersOutstanding()).isEqualTo(1);
        Map<String, List<String>> tokensBefore = storedTokens();

        Api.Answer erased = api.post("admin", "/api/admin/pupils/" + upn + "/erase",
                "{\"reason\":\"family request upheld; no statutory duty remains\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        long afterErasure = head();
        assertThat(afterErasure).isGreaterThan(head);
        eventually(() -> DashboardCache.READ_MODELS.stream().allMatch(group -> storedAtLeast(group, afterErasure)));
        assertThat(storedTokens()).as("the tokens moved past the erasure").isNotEqualTo(tokensBefore);

        assertThat(dashboards.handle(new GetCapacity(today()))).isSameAs(first);
        assertThat(dashboards.handle(new GetWaitingList(today()))).isSameAs(waiting);

        operations.rebuild(CapacityLedgerProjection.NAME);
        CapacityDashboard rebuilt = dashboards.handle(new GetCapacity(today()));
        assertThat(rebuilt).isNotSameAs(first);
        assertThat(row(rebuilt, provision)).isEqualTo(row(first, provision));
    }

    /**
     * An answer asked for once is let go at the next collection, and computed again if asked for again; that second
     * answer, and any answer asked for again before a collection, is held through collections. A dashboard asked for
     * a date no one asks again leaves nothing for the young collections to copy (DashboardCache.Answer).
     */
    @Test
    void anAnswerAskedForOnceIsLetGoAtTheNextCollectionAndOneAskedForAgainIsHeld() {
        awaitNoReadModelChanging();
        int[] computed = {0};
        Supplier<Object> compute = () -> {
            computed[0]++;
            return new Object();
        };

        ask("asked once, then after a collection", compute);
        System.gc();
        ask("asked once, then after a collection", compute);
        assertThat(computed[0]).as("let go after one ask: computed again").isEqualTo(2);
        System.gc();
        ask("asked once, then after a collection", compute);
        assertThat(computed[0]).as("asked again: held through the collection").isEqualTo(2);

        ask("asked twice, then after a collection", compute);
        ask("asked twice, then after a collection", compute);
        assertThat(computed[0]).as("the second ask found it").isEqualTo(3);
        System.gc();
        ask("asked twice, then after a collection", compute);
        assertThat(computed[0]).as("held through the collection").isEqualTo(3);
    }

    /** Asks the cache, keeping no reference to the answer. */
    private void ask(String question, Supplier<Object> compute) {
        assertThat(cache.answer(List.of(getClass().getName(), question), compute)).isNotNull();
    }

    /** Waits until the read models' change counters stay the same for half a second: the position holds still. */
    private void awaitNoReadModelChanging() {
        java.util.concurrent.atomic.AtomicReference<List<Map<String, Object>>> last =
                new java.util.concurrent.atomic.AtomicReference<>(List.of());
        eventually(() -> {
            List<Map<String, Object>> now = jdbc.queryForList(
                    "SELECT processing_group, changes FROM read_model_change ORDER BY processing_group");
            boolean still = now.equals(last.getAndSet(now));
            if (!still) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return still;
        });
    }

    /** The last event's global index in the event store. */
    private long head() {
        return jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
    }

    /** Whether every stored token of {@code group} is at or past {@code position}. */
    private boolean storedAtLeast(String group, long position) {
        List<OptionalLong> positions = jdbc.query(
                "SELECT token, tokenType FROM TokenEntry WHERE processorName = ?", (rs, i) -> {
                    byte[] bytes = rs.getBytes("token");
                    TrackingToken token = bytes == null ? null : ((JdbcTokenStore) tokenStore).serializer()
                            .deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                                    new SimpleSerializedType(rs.getString("tokenType"), null)));
                    return token == null ? OptionalLong.empty() : token.position();
                }, group);
        return !positions.isEmpty() && positions.stream().allMatch(p -> p.isPresent() && p.getAsLong() >= position);
    }

    /** The stored tokens of the dashboards' read models, as text, by group. */
    private Map<String, List<String>> storedTokens() {
        Map<String, List<String>> tokens = new TreeMap<>();
        for (String group : DashboardCache.READ_MODELS) {
            tokens.put(group, jdbc.query("SELECT token FROM TokenEntry WHERE processorName = ? ORDER BY segment",
                    (rs, i) -> java.util.Arrays.toString(rs.getBytes("token")), group));
        }
        return tokens;
    }

    /**
     * A kept answer goes out as the bytes it went out as the first time, and those are what Spring Boot's own
     * converter writes for it: asked again over HTTP with nothing changed, the same body, not serialised again.
     */
    @Test
    void aKeptAnswerIsSentAsTheJsonItWasFirstSentAs() throws Exception {
        String provision = api.commission(Api.newProvisionId("JSON"), "RESOURCE_BASE", 3);
        eventually(() -> row(dashboards.handle(new GetCapacity(today())), provision) != null);

        Api.Answer first = api.get("analyst", "/api/dashboard/capacity");
        assertThat(first.status()).isEqualTo(200);
        CapacityDashboard kept = dashboards.handle(new GetCapacity(today()));
        DashboardCache.Json keptJson = cache.json(kept, CapacityDashboard.class, () -> {
            throw new AssertionError("the kept answer was serialised again");
        });
        assertThat(keptJson).isNotNull();
        byte[] json = keptJson.bytes();
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(first.body())
                .isEqualTo(objectMapper.writeValueAsString(kept));
        Api.Answer again = api.get("analyst", "/api/dashboard/capacity");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));

        // an answer that is not kept is none of its business
        assertThat(cache.json(new CapacityDashboard(kept.asOf(), kept.total(), kept.byType(), kept.byPhase(),
                kept.byNeed(), kept.provisions()),
                CapacityDashboard.class, () -> new byte[0])).isNull();
        // and Spring MVC writes JSON with it, in place of Boot's converter
        assertThat(mvc.getMessageConverters())
                .anyMatch(c -> c.getClass().getName().endsWith("KeptAnswersJson$Converter"))
                .noneMatch(c -> c.getClass() == MappingJackson2HttpMessageConverter.class);
    }

    /**
     * To a client that accepts gzip a kept answer goes gzipped, compressed once and kept with its JSON; any other
     * JSON is gzipped by the server's compression; a client that does not accept gzip, or refuses it with a q of 0,
     * gets the JSON as it is.
     */
    @Test
    void aClientThatAcceptsGzipGetsKeptAnswersGzippedOnceAndOtherJsonGzippedByTheServer() throws Exception {
        String provision = api.commission(Api.newProvisionId("GZIP"), "SEN_UNIT", 4);
        eventually(() -> row(dashboards.handle(new GetCapacity(today())), provision) != null);

        HttpResponse<byte[]> plain = raw("/api/dashboard/capacity", null);
        HttpResponse<byte[]> gzipped = raw("/api/dashboard/capacity", "gzip, deflate, br");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary").toString()).containsIgnoringCase("Accept-Encoding");
        assertThat(gunzip(gzipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));

        // the kept answer's gzipped bytes, compressed when first asked for and sent as they are since
        DashboardCache.Json kept = cache.json(dashboards.handle(new GetCapacity(today())), CapacityDashboard.class,
                () -> {
                    throw new AssertionError("the kept answer was serialised again");
                });
        assertThat(kept.gzipped()).isSameAs(kept.gzipped()).isEqualTo(gzipped.body());
        assertThat(raw("/api/dashboard/capacity", "gzip").body()).isEqualTo(kept.gzipped());

        assertThat(raw("/api/dashboard/capacity", "gzip;q=0, identity").headers().firstValue("Content-Encoding"))
                .as("gzip refused").isEmpty();
        assertThat(raw("/api/dashboard/capacity", "identity").body()).isEqualTo(plain.body());

        // JSON that is no kept answer (the OpenAPI document, tens of kB): the server's own compression
        HttpResponse<byte[]> document = raw("/v3/api-docs", "gzip");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(document.body())).startsWith("{").contains("\"openapi\"");
    }

    private HttpResponse<byte[]> raw(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("analyst:demo".getBytes(StandardCharsets.UTF_8)));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private static String gunzip(byte[] bytes) throws java.io.IOException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ProvisionCapacity row(CapacityDashboard dashboard, String provision) {
        return dashboard.provisions().stream().filter(p -> p.provisionId().equals(provision)).findFirst()
                .orElse(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
