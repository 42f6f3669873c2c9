package uk.placements.bench;

import org.junit.jupiter.api.Test;
import uk.placements.app.demo.AuthorityGenerator;
import uk.placements.app.demo.AuthorityPlan;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.funding.command.AssignTopUp;
import uk.placements.shared.funding.command.RecordPlaceChange;
import uk.placements.shared.placement.command.AdmitPupil;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The money a stage sends for the part of the casework it loaded (the benchmark itself never runs in tests). */
class MoneyLoadTest {

    private final AuthorityPlan plan = new AuthorityGenerator(Plans.SEED, LocalDate.of(2026, 12, 5))
            .generate(36, 600);

    @Test
    void theTariffComesFirstThenTheTopUpsOfLoadedAdmissionsOnlyAndTheirEventsAreCountedBeforehand() {
        List<Object> casework = plan.commands();
        int loaded = casework.size() / 3;
        MoneyLoad money = new MoneyLoad(plan.fundingCommands());
        long expected = money.events(casework, loaded);
        List<Object> sent = money.commands(casework, loaded);

        Set<String> admitted = casework.subList(0, loaded).stream().filter(c -> c instanceof AdmitPupil)
                .map(c -> ((AdmitPupil) c).placementId().value()).collect(Collectors.toSet());
        List<Object> tariff = plan.fundingCommands().stream().filter(MoneyLoad::isTariff).toList();
        assertThat(tariff).isNotEmpty();
        assertThat(sent.subList(0, tariff.size())).containsExactlyElementsOf(tariff);
        List<Object> loadedTopUps = plan.fundingCommands().stream().filter(c -> c instanceof AssignTopUp t
                && admitted.contains(t.placementId().value())).toList();
        assertThat(loadedTopUps).isNotEmpty();
        assertThat(sent.stream().filter(c -> c instanceof AssignTopUp).toList())
                .containsExactlyElementsOf(loadedTopUps); // every one of them, in the plan's order
        long allTopUps = plan.fundingCommands().stream().filter(c -> c instanceof AssignTopUp).count();
        assertThat((long) loadedTopUps.size()).isLessThan(allTopUps); // the later admissions' are left out
        assertThat(sent.stream().filter(c -> c instanceof RecordPlaceChange).count())
                .isEqualTo(plan.placeChangeReturns()); // the provisions are commissioned first
        assertThat(expected).isEqualTo(sent.size()); // one event per planned funding command
        assertThat(money.admittedPlacements()).isEqualTo(admitted.size());
        assertThat(money.fundedPlacements()).isPositive().isLessThanOrEqualTo(admitted.size());
    }

    @Test
    void theWholeHistoryLoadedSendsAllTheMoneyAndTheLoadedPartOnlyGrows() {
        List<Object> casework = plan.commands();
        MoneyLoad money = new MoneyLoad(plan.fundingCommands());
        long before = money.events(casework, casework.size() / 2);
        assertThat(money.events(casework, casework.size())).isGreaterThan(before)
                .isEqualTo(plan.fundingCommands().size());
        assertThat(money.commands(casework, casework.size())).containsExactlyElementsOf(plan.fundingCommands());
        assertThat(money.fundedPlacements()).isEqualTo(plan.fundedPlacements());
        assertThatThrownBy(() -> money.events(casework, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fundingCommandsHaveATargetSoTheLoadsCanRouteThem() {
        for (Object command : plan.fundingCommands()) {
            String target = Plans.target(command);
            if (MoneyLoad.isTariff(command)) {
                assertThat(target).isEqualTo(FundingStreams.TARIFF);
            } else if (command instanceof AssignTopUp topUp) {
                assertThat(target).isEqualTo(topUp.placementId().value());
            } else {
                assertThat(target).isEqualTo(((RecordPlaceChange) command).provisionId().value());
            }
        }
    }
}
