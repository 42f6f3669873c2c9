package uk.placements.app.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.Upn;
import uk.placements.shared.placement.command.ReferPupil;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorityGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 17);

    @Test
    void sameSeedSizeAndDayGiveTheSameCommands() {
        AuthorityPlan first = new AuthorityGenerator(7, TODAY).generate(36, 600);
        AuthorityPlan second = new AuthorityGenerator(7, TODAY).generate(36, 600);

        assertThat(second.commands()).isEqualTo(first.commands());
        assertThat(new AuthorityGenerator(8, TODAY).generate(36, 600).commands())
                .isNotEqualTo(first.commands());
    }

    @Test
    void everyGeneratedUpnIsValidAndDistinct() {
        List<String> upns = new AuthorityGenerator(7, TODAY).generate(40, 5_000).commands().stream()
                .filter(ReferPupil.class::isInstance)
                .map(c -> ((ReferPupil) c).pupil().upn().value())
                .toList();

        assertThat(upns).hasSize(5_000).allMatch(Upn::isValid);
        assertThat(new HashSet<>(upns)).hasSize(upns.size());
    }

    @Test
    void theDemoAuthorityHasPlacementsInEveryState() {
        AuthorityPlan plan = new AuthorityGenerator(20250901, TODAY).generate(36, 600);

        assertThat(plan.placements()).isEqualTo(600);
        assertThat(plan.placementsByStatus().values()).allMatch(count -> count > 0);
        assertThat(plan.provisionsClosed()).isEqualTo(1);
        assertThat(plan.overCapacityOffers()).isPositive();
        assertThat(plan.needOverrides()).isPositive();
        assertThat(plan.offersDeclined()).isPositive();
        assertThat(plan.offersWithdrawn()).isPositive();
        assertThat(plan.placementsByStatus().keySet()).containsExactlyInAnyOrder(PlacementStatus.values());
    }

    @ParameterizedTest
    @CsvSource({"20250901, 36, 600", "1, 30, 500", "2, 2, 300", "3, 120, 4000", "4, 600, 20000"})
    void everyCommandIsAcceptedByTheRulesInOrder(long seed, int provisions, int placements) {
        AuthorityPlan plan = new AuthorityGenerator(seed, TODAY).generate(provisions, placements);
        DomainRules rules = new DomainRules(TODAY);

        // a fresh replay: every command, sent in order, is accepted and records something
        assertThat(plan.commands()).allMatch(rules::send);

        assertThat(rules.placementsByStatus()).isEqualTo(plan.placementsByStatus());
        assertThat(rules.overCapacityReservations()).isEqualTo(plan.overCapacityOffers());
        assertThat(rules.provisionsClosed()).isEqualTo(plan.provisionsClosed());
    }
}
