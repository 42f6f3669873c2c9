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
import uk.placements.query.dashboard.DashboardCache;
import uk.placements.query.dashboard.DashboardQueries;
import uk.placements.shared.dashboard.CapacityDashboard;
import uk.placements.shared.dashboard.GetCapacity;
import uk.placements.shared.dashboard.GetInclusion;
import uk.placements.shared.dashboard.GetWaitingList;
import uk.placements.shared.dashboard.InclusionDashboard;
import uk.placements.shared.dashboard.ProvisionCapacity;
import uk.placements.shared.dashboard.WaitingList;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

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
    private Clock clock;
    @Autowired
    private DashboardCache cache;
    @Autowired
    private ObjectMapper objectMapper;
    @Autowired
    private RequestMappingHandlerAdapter mvc;

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
        byte[] json = cache.json(kept, CapacityDashboard.class, () -> {
            throw new AssertionError("the kept answer was serialised again");
        });
        assertThat(json).isNotNull();
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

    private static ProvisionCapacity row(CapacityDashboard dashboard, String provision) {
        return dashboard.provisions().stream().filter(p -> p.provisionId().equals(provision)).findFirst()
                .orElse(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
