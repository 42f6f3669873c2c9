package uk.placements.command.funding.domain;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.Rule;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.TopUpBasis;
import uk.placements.shared.funding.command.AssignTopUp;
import uk.placements.shared.funding.event.BandValueSet;
import uk.placements.shared.funding.event.ProvisionTopUpRateSet;
import uk.placements.shared.funding.event.TopUpAssigned;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.SealedPupil;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static uk.placements.command.FixtureMatchers.violationOf;

/** A placement's funding rules of docs/funding.md, each broken and kept, through the PlacementFunding aggregate. */
public class FundingRulesTest {

    private static final PlacementId PLACEMENT = new PlacementId("3f2b1c1e-0d4a-4b7e-9a51-6f2e8c0b7d11");
    private static final PupilId PUPIL = new PupilId("0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d");
    private static final ProvisionId RB = new ProvisionId("RB-NORTH-01");
    private static final BandCode BAND_1 = new BandCode("BAND-1");
    private static final BandCode BAND_2 = new BandCode("BAND-2");
    private static final BigDecimal B1 = new BigDecimal("1600.00");
    private static final BigDecimal B2 = new BigDecimal("3100.00");
    private static final FinancialYear FY_2025 = FinancialYear.parse("2025-26");
    private static final LocalDate OFFERED = LocalDate.of(2025, 9, 2);
    private static final LocalDate ADMITTED = LocalDate.of(2025, 9, 8);
    private static final LocalDate ENDED = LocalDate.of(2026, 2, 27);

    private FixtureConfiguration<PlacementFunding> fixture;
    private InMemoryFundingFacts facts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlacementFunding.class);
        facts = new InMemoryFundingFacts();
        fixture.registerInjectableResource(facts);
        facts.tariff.add(new BandValueSet(BAND_1, FY_2025, B1, null, null));
        facts.tariff.add(new BandValueSet(BAND_2, FY_2025, B2, null, null));
    }

    private static PupilReferred referred() {
        return new PupilReferred(PLACEMENT, PUPIL, new SealedPupil("enc:v1:upn", "enc:v1:given", "enc:v1:family",
                "enc:v1:dob"), 4, NeedCode.ASD, Set.of(), EhcpStatus.EHCP, null, "100001",
                LocalDate.of(2025, 6, 1), null);
    }

    private static PlaceOffered offered() {
        return new PlaceOffered(PLACEMENT, RB, ProvisionType.RESOURCE_BASE, OFFERED, false, null, null);
    }

    private static PupilAdmitted admitted() {
        return new PupilAdmitted(PLACEMENT, RB, ADMITTED, 50, true, null, false);
    }

    private void anAdmittedPlacement() {
        facts.placement(PLACEMENT, referred(), offered(), admitted());
    }

    private static TopUpAssigned first(BandCode band, LocalDate from, BigDecimal value) {
        return new TopUpAssigned(PLACEMENT, RB, TopUpBasis.BAND, band, from, value, false, null, null, null);
    }

    @Test
    @DisplayName("a band is assigned to an admitted placement from its admission")
    void bandIsAssignedFromAdmission() {
        anAdmittedPlacement();
        fixture.givenNoPriorActivity()
                .when(new AssignTopUp(PLACEMENT, null, BAND_1, ADMITTED, null))
                .expectEvents(first(BAND_1, ADMITTED, B1))
                .expectResultMessagePayload(0L);
    }

    @Test
    @DisplayName("a top-up for an unknown placement is not found")
    void unknownPlacementIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new AssignTopUp(PLACEMENT, null, BAND_1, ADMITTED, null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // --- R-STATE ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-STATE: a placement without an offer or a place gets no top-up")
    void referredPlacementGetsNoTopUp() {
        facts.placement(PLACEMENT, referred());
        fixture.givenNoPriorActivity()
                .when(new AssignTopUp(PLACEMENT, null, BAND_1, ADMITTED, null))
                .expectException(violationOf(Rule.STATE))
                .expectNoEvents();
    }

    // --- R-FUNDING-DATE --------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-FUNDING-DATE: a top-up from before the offer of the place is refused")
    void topUpBeforeTheOfferIsRefused() {
        anAdmittedPlacement();
        fixture.givenNoPriorActivity()
                .when(new AssignTopUp(PLACEMENT, null, BAND_1, OFFERED.minusDays(1), null))
                .expectException(violationOf(Rule.FUNDING_DATE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-FUNDING-DATE: a top-up from the day the pupil left is refused, from the day before kept")
    void topUpFromTheLeavingDayIsRefused() {
        facts.placement(PLACEMENT, referred(), offered(), admitted(),
                new PlacementEnded(PLACEMENT, RB, ENDED, EndReason.LEFT_AREA, null));
        fixture.givenNoPriorActivity()
                .when(new AssignTopUp(PLACEMENT, null, BAND_1, ENDED, null))
                .expectException(violationOf(Rule.FUNDING_DATE))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AssignTopUp(PLACEMENT, null, BAND_1, ENDED.minusDays(1), null))
                .expectEvents(first(BAND_1, ENDED.minusDays(1), B1));
    }

    // --- R-BAND-EXISTS ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-BAND-EXISTS: a band the tariff does not have is refused")
    void unknownBandIsRefused() {
        anAdmittedPlacement();
        fixture.givenNoPriorActivity()
                .when(new AssignTopUp(PLACEMENT, null, new BandCode("BAND-9"), ADMITTED, null))
                .expectException(violationOf(Rule.BAND_EXISTS))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-BAND-EXISTS: a band without a value for the financial year of the date is refused")
    void bandNotInForceOnTheDateIsRefused() {
        anAdmittedPlacement();
        // 1 April 2026 is in financial year 2026-27, for which the tariff has no value yet
        fixture.givenNoPriorActivity()
                .when(new AssignTopUp(PLACEMENT, null, BAND_1, LocalDate.of(2026, 4, 1), null))
                .expectException(violationOf(Rule.BAND_EXISTS))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-BAND-EXISTS: the provision's own rate is refused without one for the year, kept with one")
    void provisionRateMustBeInForce() {
        anAdmittedPlacement();
        fixture.givenNoPriorActivity()
                .when(new AssignTopUp(PLACEMENT, TopUpBasis.PROVISION_RATE, null, ADMITTED, null))
                .expectException(violationOf(Rule.BAND_EXISTS))
                .expectNoEvents();
        facts.tariff.add(new ProvisionTopUpRateSet(RB, FY_2025, new BigDecimal("4000.00"), null, null));
        fixture.givenNoPriorActivity()
                .when(new AssignTopUp(PLACEMENT, TopUpBasis.PROVISION_RATE, null, ADMITTED, null))
                .expectEvents(new TopUpAssigned(PLACEMENT, RB, TopUpBasis.PROVISION_RATE, null, ADMITTED,
                        new BigDecimal("4000.00"), false, null, null, null));
    }

    // --- R-FUNDING-REASON ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-FUNDING-REASON: a change of band without a reason is refused")
    void changeWithoutReasonIsRefused() {
        anAdmittedPlacement();
        fixture.given(first(BAND_1, ADMITTED, B1))
                .when(new AssignTopUp(PLACEMENT, null, BAND_2, LocalDate.of(2026, 1, 5), ""))
                .expectException(violationOf(Rule.FUNDING_REASON))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-FUNDING-REASON: a back-dated change with a reason is recorded with the band it replaced")
    void backDatedChangeWithReasonIsRecorded() {
        anAdmittedPlacement();
        LocalDate backDated = LocalDate.of(2025, 10, 15);
        fixture.given(first(BAND_1, ADMITTED, B1))
                .when(new AssignTopUp(PLACEMENT, null, BAND_2, backDated, "annual review raised the band"))
                .expectEvents(new TopUpAssigned(PLACEMENT, RB, TopUpBasis.BAND, BAND_2, backDated, B2, true,
                        TopUpBasis.BAND, BAND_1, "annual review raised the band"))
                .expectResultMessagePayload(1L);
    }

    @Test
    @DisplayName("R-FUNDING-REASON: the same assignment again (same day, basis and band) records nothing")
    void theSameAssignmentAgainRecordsNothing() {
        anAdmittedPlacement();
        fixture.given(first(BAND_1, ADMITTED, B1))
                .when(new AssignTopUp(PLACEMENT, null, BAND_1, ADMITTED, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    @DisplayName("R-FUNDING-REASON: the band in force asked for from a later day is a change: it needs a reason")
    void theBandInForceFromALaterDayNeedsAReason() {
        anAdmittedPlacement();
        fixture.given(first(BAND_1, ADMITTED, B1))
                .when(new AssignTopUp(PLACEMENT, null, BAND_1, LocalDate.of(2025, 12, 1), null))
                .expectException(violationOf(Rule.FUNDING_REASON))
                .expectNoEvents();
    }

    /**
     * Recorded, the day stays the band's when a change is later back-dated before it (dropped as "no change", a
     * later back-dated band took it over: FundingApiTest, FundingLedgerPropertiesTest's story of seed 264).
     */
    @Test
    @DisplayName("R-FUNDING-REASON: the band in force asked for from a later day, with a reason, is recorded")
    void theBandInForceFromALaterDayWithAReasonIsRecorded() {
        anAdmittedPlacement();
        LocalDate later = LocalDate.of(2025, 12, 1);
        fixture.given(first(BAND_1, ADMITTED, B1))
                .when(new AssignTopUp(PLACEMENT, null, BAND_1, later, "review: stays at band 1"))
                .expectEvents(new TopUpAssigned(PLACEMENT, RB, TopUpBasis.BAND, BAND_1, later, B1, true,
                        TopUpBasis.BAND, BAND_1, "review: stays at band 1"))
                .expectResultMessagePayload(1L);
    }
}
