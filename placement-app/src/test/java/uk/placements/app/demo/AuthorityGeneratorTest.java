package uk.placements.app.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.Upn;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.TariffState;
import uk.placements.shared.funding.command.AssignTopUp;
import uk.placements.shared.funding.command.RecordPlaceChange;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.ReferPupil;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
    @CsvSource({"20250901, 36, 600, 730", "1, 30, 500, 730", "2, 2, 300, 730", "3, 120, 4000, 730",
            "4, 600, 20000, 730", "5, 30, 2500, 3650", "6, 2, 100, 365"})
    void everyCommandIsAcceptedByTheRulesInOrder(long seed, int provisions, int placements, int historyDays) {
        AuthorityPlan plan = new AuthorityGenerator(seed, TODAY).generate(provisions, placements, historyDays);
        DomainRules rules = new DomainRules(TODAY);

        // a fresh replay: every command, sent in order, is accepted and records something
        assertThat(plan.commands()).allMatch(rules::send);
        assertThat(plan.fundingCommands()).allMatch(rules::send);

        assertThat(rules.placementsByStatus()).isEqualTo(plan.placementsByStatus());
        assertThat(rules.overCapacityReservations()).isEqualTo(plan.overCapacityOffers());
        assertThat(rules.provisionsClosed()).isEqualTo(plan.provisionsClosed());
        assertThat(rules.fundedPlacements()).isEqualTo(plan.fundedPlacements());
        assertThat(rules.topUpChanges()).isEqualTo(plan.bandChanges());
        assertThat(rules.placeChangeReturns()).isEqualTo(plan.placeChangeReturns());
    }

    @Test
    void theSameAuthorityOverALongerHistoryHasTheSameCaseworkPerDayAndEndsAsFull() {
        AuthorityPlan twoYears = new AuthorityGenerator(11, TODAY).generate(30, 500, 730);
        AuthorityPlan tenYears = new AuthorityGenerator(11, TODAY).generate(30, 2500, 3650);

        // the referrals reach back over the whole history asked for, and no further
        assertThat(referralDates(tenYears)).allMatch(d -> !d.isBefore(TODAY.minusDays(3650)) && !d.isAfter(TODAY))
                .anyMatch(d -> d.isBefore(TODAY.minusDays(3000)));
        assertThat(referralDates(twoYears)).allMatch(d -> !d.isBefore(TODAY.minusDays(730)));
        // as many provisions, the casework per day alike, and pupils who stay leave at the end of their phase: about
        // as many pupils on roll at the end, not ten years of pupils who never leave
        assertThat(tenYears.provisions()).isEqualTo(twoYears.provisions());
        int onRoll = twoYears.placementsByStatus().get(PlacementStatus.ADMITTED);
        assertThat((double) tenYears.placementsByStatus().get(PlacementStatus.ADMITTED))
                .isBetween(0.7 * onRoll, 1.3 * onRoll);
        assertThat(tenYears.commands()).anyMatch(c -> c instanceof EndPlacement e
                && e.reason() == EndReason.PHASE_TRANSFER && e.note() == null);
        assertThat(new AuthorityGenerator(11, TODAY).generate(30, 500))
                .as("two years unless asked").isEqualTo(twoYears);
    }

    @Test
    void aHistoryShorterThanAYearIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AuthorityGenerator(11, TODAY).generate(30, 500, 364))
                .withMessageContaining("365");
    }

    private static List<LocalDate> referralDates(AuthorityPlan plan) {
        return plan.commands().stream().filter(ReferPupil.class::isInstance)
                .map(c -> ((ReferPupil) c).referredOn()).toList();
    }

    @Test
    void theMoneyLeavesTheCaseworkAsItWas() {
        AuthorityPlan plan = new AuthorityGenerator(20250901, TODAY).generate(36, 600);

        assertThat(plan.commands()).noneMatch(c -> c.getClass().getPackageName().contains(".funding."));
        assertThat(plan.fundingCommands()).allMatch(c -> c.getClass().getPackageName().contains(".funding."));
        assertThat(new AuthorityGenerator(20250901, TODAY).generate(36, 600).fundingCommands())
                .isEqualTo(plan.fundingCommands());
    }

    @Test
    void theDemoAuthorityHasATariffOverItsHistoryAndBandsForMostAdmittedPlacements() {
        AuthorityPlan plan = new AuthorityGenerator(20250901, TODAY).generate(36, 600);
        DomainRules rules = new DomainRules(TODAY);
        plan.commands().forEach(rules::send);
        plan.fundingCommands().forEach(rules::send);
        TariffState tariff = rules.tariff();
        LocalDate historyStart = TODAY.minusDays(AuthorityGenerator.HISTORY_DAYS);

        // place rates for both kinds of place from the history's first academic year to the next one
        for (int y = AcademicYear.of(historyStart).startYear(); y <= AcademicYear.of(TODAY).startYear() + 1; y++) {
            for (ProvisionType type : ProvisionType.values()) {
                assertThat(tariff.placeRate(type, new AcademicYear(y))).as(type + " " + y)
                        .contains(new BigDecimal("6000.00"));
            }
        }
        // three bands, a value every financial year of the history, rising
        for (String band : List.of("BAND-1", "BAND-2", "BAND-3")) {
            BigDecimal before = BigDecimal.ZERO;
            for (int y = FinancialYear.of(historyStart).startYear(); y <= FinancialYear.of(TODAY).startYear(); y++) {
                BigDecimal value = tariff.bandValue(new BandCode(band), new FinancialYear(y)).orElseThrow();
                assertThat(value).as(band + " " + y).isGreaterThan(before);
                before = value;
            }
        }
        assertThat(tariff.bandValue(new BandCode("BAND-1"), FinancialYear.of(historyStart)))
                .contains(new BigDecimal("1600.00"));

        // most admitted placements have a band from their admission; some have none; a few changed, with a reason
        List<AssignTopUp> topUps = plan.fundingCommands().stream().filter(AssignTopUp.class::isInstance)
                .map(AssignTopUp.class::cast).toList();
        long admitted = plan.commands().stream().filter(AdmitPupil.class::isInstance).count();
        assertThat(plan.fundedPlacements()).isGreaterThan((int) (admitted * 0.85)).isLessThan((int) admitted);
        assertThat(topUps).filteredOn(t -> t.reason() == null).allSatisfy(t ->
                assertThat(t.effectiveFrom()).isEqualTo(rules.period(t.placementId()).admittedOn()));
        assertThat(plan.bandChanges()).isPositive();
        assertThat(topUps).filteredOn(t -> t.reason() != null).hasSize(plan.bandChanges());

        // returns for the next academic year: nil returns and changes with their reason
        List<RecordPlaceChange> returns = plan.fundingCommands().stream().filter(RecordPlaceChange.class::isInstance)
                .map(RecordPlaceChange.class::cast).toList();
        assertThat(returns).hasSize(plan.placeChangeReturns()).isNotEmpty()
                .allMatch(r -> r.academicYear().equals(new AcademicYear(AcademicYear.of(TODAY).startYear() + 1)))
                .allMatch(r -> r.nilReturn() == (r.reason() == null));
    }
}
