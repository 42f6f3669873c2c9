package uk.placements.app.demo;

import org.junit.jupiter.api.Test;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.Upn;
import uk.placements.shared.placement.command.ReferPupil;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        System.out.println(plan.commands().size() + " commands " + plan.placementsByStatus() + " over="
                + plan.overCapacityOffers() + " override=" + plan.needOverrides() + " declined="
                + plan.offersDeclined() + " withdrawn=" + plan.offersWithdrawn() + " splits="
                + plan.timeSplitChanges());
        Set<PlacementStatus> seen = plan.placementsByStatus().keySet();
        assertThat(seen).containsExactlyInAnyOrder(PlacementStatus.values());
    }
}
