package uk.placements.bench;

import org.junit.jupiter.api.Test;
import uk.placements.app.demo.AuthorityPlan;

import static org.assertj.core.api.Assertions.assertThat;

/** The authorities the benchmark loads: one that grows with the events, and one that stays while its history grows. */
class PlansTest {

    private static final int SPARE = 3_000;

    @Test
    void theGrowingAuthorityHasOneProvisionPerSixteenPlacementsOverTwoYears() {
        AuthorityPlan small = Plans.authority(20_000, SPARE);
        AuthorityPlan large = Plans.authority(80_000, SPARE);

        assertThat(large.provisions()).isGreaterThan(3 * small.provisions());
        assertThat(Plans.historyDays(small)).isBetween(700L, (long) Plans.TWO_YEARS);
        assertThat(Plans.historyDays(large)).isBetween(700L, (long) Plans.TWO_YEARS);
    }

    @Test
    void theFixedAuthorityKeepsItsProvisionsAndLengthensItsHistoryWithTheEvents() {
        AuthorityPlan small = Plans.fixedAuthority(20_000, SPARE);
        AuthorityPlan large = Plans.fixedAuthority(200_000, SPARE);

        // the provisions of the growing authority at 100,000 events, at every size
        assertThat(large.provisions()).isEqualTo(small.provisions())
                .isEqualTo(Plans.authority(Plans.FIXED_AT_EVENTS, SPARE).provisions());
        // at least two years; beyond that, about as long as the casework at that authority's rate takes
        assertThat(Plans.historyDays(small)).isBetween(700L, (long) Plans.TWO_YEARS);
        assertThat(Plans.historyDays(large)).isGreaterThan(Plans.TWO_YEARS + 365L);
        // sized so that its commands store about the events asked for, and the spare commands on top
        double events = Plans.EVENTS_PER_COMMAND * (large.commands().size() + large.fundingCommands().size());
        assertThat(events).isBetween(200_000.0, 200_000 * 1.25);
    }
}
