package uk.placements.shared.funding;

import org.junit.jupiter.api.Test;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.event.BandValueSet;
import uk.placements.shared.funding.event.PlaceRateSet;
import uk.placements.shared.funding.event.TopUpAssigned;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one calculation of money due, on figures worked by hand (docs/funding.md, "The funding ledger"). */
class FundingLedgerTest {

    private static final ProvisionId PROVISION = new ProvisionId("BASE-1");
    private static final PlacementId PLACEMENT = PlacementId.random();
    private static final BandCode B1 = new BandCode("B1");
    private static final BandCode B2 = new BandCode("B2");
    private static final TariffState TARIFF = TariffState.fold(List.of(
            new BandValueSet(B1, new FinancialYear(2027), new BigDecimal("1200.00"), null, null),
            new BandValueSet(B2, new FinancialYear(2027), new BigDecimal("2400.00"), null, null),
            new BandValueSet(B1, new FinancialYear(2028), new BigDecimal("3600.00"), null, null),
            new PlaceRateSet(ProvisionType.SEN_UNIT, new AcademicYear(2027), new BigDecimal("6000.00"), null, null)));

    private static TopUpAssigned topUp(BandCode band, LocalDate from) {
        return new TopUpAssigned(PLACEMENT, PROVISION, TopUpBasis.BAND, band, from, null, false, null, null, null);
    }

    private static FundingState funding(TopUpAssigned... assignments) {
        return new FundingState(PLACEMENT, assignments.length - 1L, List.of(assignments));
    }

    @Test
    void aWholeMonthIsATwelfthOfTheAnnualValueInALeapFebruaryAsInMarch() {
        FundingLedger.Stay stay = new FundingLedger.Stay(PROVISION, LocalDate.of(2027, 9, 1), null);
        FundingState funding = funding(topUp(B1, LocalDate.of(2027, 9, 1)));
        assertThat(FundingLedger.topUp(stay, funding, TARIFF, YearMonth.of(2028, 2)).amount())
                .isEqualByComparingTo("100.00");
        assertThat(FundingLedger.topUp(stay, funding, TARIFF, YearMonth.of(2028, 3)).amount())
                .isEqualByComparingTo("100.00");
        assertThat(FundingLedger.topUp(stay, funding, TARIFF, YearMonth.of(2028, 2)).daysOccupied()).isEqualTo(29);
    }

    @Test
    void aPartMonthIsItsShareOfDaysFromAdmissionToTheDayBeforeLeaving() {
        // admitted on 29 February 2028, left on 10 March: 1 day of February (1,200 / 12 / 29 = 3.45), 9 of March
        FundingLedger.Stay stay = new FundingLedger.Stay(PROVISION, LocalDate.of(2028, 2, 29),
                LocalDate.of(2028, 3, 10));
        List<FundingLedger.TopUpMonth> months = FundingLedger.topUps(stay, funding(topUp(B1,
                LocalDate.of(2028, 2, 29))), TARIFF, YearMonth.of(2027, 4), YearMonth.of(2028, 12));
        assertThat(months).extracting(m -> m.month() + " " + m.daysOccupied() + " " + m.amount())
                .containsExactly("2028-02 1 3.45", "2028-03 9 29.03");
    }

    @Test
    void aBandChangeMidMonthPricesEachPartAtItsOwnValueAndTheLaterRecordedOfTheSameDayWins() {
        FundingLedger.Stay stay = new FundingLedger.Stay(PROVISION, LocalDate.of(2027, 9, 15), null);
        // B1 from admission, B2 from 16 October; then B1 again from 16 October, recorded later: it wins
        FundingLedger.TopUpMonth october = FundingLedger.topUp(stay, funding(topUp(B1, LocalDate.of(2027, 9, 15)),
                topUp(B2, LocalDate.of(2027, 10, 16))), TARIFF, YearMonth.of(2027, 10));
        assertThat(october.amount()).isEqualByComparingTo("151.61"); // (1,200 x 15 + 2,400 x 16) / (12 x 31)
        assertThat(october.basis()).isEqualTo("B1 > B2");
        FundingLedger.TopUpMonth overridden = FundingLedger.topUp(stay, funding(topUp(B1, LocalDate.of(2027, 9, 15)),
                topUp(B2, LocalDate.of(2027, 10, 16)), topUp(B1, LocalDate.of(2027, 10, 16))), TARIFF,
                YearMonth.of(2027, 10));
        assertThat(overridden.amount()).isEqualByComparingTo("100.00");
    }

    @Test
    void daysWithoutAValueForTheirFinancialYearAreUnpricedAndDaysBeforeATopUpAreNotFunded() {
        FundingLedger.Stay stay = new FundingLedger.Stay(PROVISION, LocalDate.of(2029, 3, 1), null);
        // B2 has no value for 2028-29; the top-up starts on 11 March
        FundingLedger.TopUpMonth march = FundingLedger.topUp(stay, funding(topUp(B2, LocalDate.of(2029, 3, 11))),
                TARIFF, YearMonth.of(2029, 3));
        assertThat(march.daysOccupied()).isEqualTo(31);
        assertThat(march.daysFunded()).isZero();
        assertThat(march.unpricedDays()).isEqualTo(21);
        assertThat(march.amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void placeFundingOfAWholeAcademicYearFallsSevenTwelfthsInTheFinancialYearItStartsInAndFiveInTheNext() {
        BigDecimal rate = TARIFF.placeRate(ProvisionType.SEN_UNIT, new AcademicYear(2027)).orElseThrow();
        BigDecimal autumn = BigDecimal.ZERO;
        BigDecimal rest = BigDecimal.ZERO;
        for (YearMonth m = YearMonth.of(2027, 9); !m.isAfter(YearMonth.of(2028, 8)); m = m.plusMonths(1)) {
            BigDecimal month = FundingLedger.placeFunding(m, rate, 10L * m.lengthOfMonth()); // 10 places all month
            if (m.isBefore(YearMonth.of(2028, 4))) {
                autumn = autumn.add(month);
            } else {
                rest = rest.add(month);
            }
        }
        assertThat(autumn).isEqualByComparingTo("35000.00"); // September to March: 7/12 of 60,000
        assertThat(rest).isEqualByComparingTo("25000.00");
    }
}
