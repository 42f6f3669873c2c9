package uk.placements.app.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.placements.app.AppTest;
import uk.placements.app.PlacementsApplication;
import uk.placements.command.http.Api;
import uk.placements.query.dashboard.DashboardQueries;
import uk.placements.shared.dashboard.CapacityDashboard;
import uk.placements.shared.dashboard.GetCapacity;
import uk.placements.shared.dashboard.GetInclusion;
import uk.placements.shared.dashboard.GetWaitingList;
import uk.placements.shared.dashboard.InclusionDashboard;
import uk.placements.shared.dashboard.ProvisionCapacity;
import uk.placements.shared.dashboard.WaitingList;

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

    private static ProvisionCapacity row(CapacityDashboard dashboard, String provision) {
        return dashboard.provisions().stream().filter(p -> p.provisionId().equals(provision)).findFirst()
                .orElse(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
