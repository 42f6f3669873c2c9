package uk.placements.command.placement.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.placements.shared.pupil.PupilVault;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.Rule;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.common.Upn;
import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilDetails;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.SplitChangeReason;
import uk.placements.shared.placement.SealedPupil;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.ChangeTimeSplit;
import uk.placements.shared.placement.command.DeclineOffer;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.MoveToMainstream;
import uk.placements.shared.placement.command.OfferPlace;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.placement.command.WithdrawOffer;
import uk.placements.shared.placement.command.WithdrawReferral;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.placement.event.ReferralWithdrawn;
import uk.placements.shared.placement.event.TimeSplitChanged;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ReleaseCause;
import uk.placements.command.provision.domain.ReleasePlace;
import uk.placements.command.provision.domain.ReservePlace;
import uk.placements.shared.provision.ProvisionProfile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static uk.placements.command.FixtureMatchers.onlyEvent;
import static uk.placements.command.FixtureMatchers.violationOf;

/** The placement rules of DOMAIN.md, each broken and kept, through the Placement aggregate. */
public class PlacementRulesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(LocalTime.of(10, 30)).atZone(LONDON).toInstant(),
            LONDON);

    private static final PlacementId PLACEMENT = new PlacementId("3f2b1c1e-0d4a-4b7e-9a51-6f2e8c0b7d11");
    private static final PlacementId OTHER_PLACEMENT = new PlacementId("9a0e7f3c-5b2d-4c1a-8e6f-0d9b8a7c6e5f");
    private static final Upn UPN = new Upn("B801200005001");
    private static final PupilId PUPIL = new PupilId("0b6c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d");
    private static final PupilDetails ADA = new PupilDetails(UPN, "Ada", "Lovelace", LocalDate.of(2016, 12, 10));
    private static final SealedPupil SEALED = new SealedPupil("enc:v1:upn", "enc:v1:given", "enc:v1:family",
            "enc:v1:dob");

    private static final ProvisionId RB = new ProvisionId("RB-NORTH-01");
    private static final ProvisionId UNIT = new ProvisionId("UNIT-SOUTH-02");
    private static final ProvisionProfile RB_PROFILE = new ProvisionProfile(RB, ProvisionType.RESOURCE_BASE,
            ProvisionStatus.OPEN, 3, 6, Set.of(NeedCode.ASD, NeedCode.SLCN));
    private static final ProvisionProfile UNIT_PROFILE = new ProvisionProfile(UNIT, ProvisionType.SEN_UNIT,
            ProvisionStatus.OPEN, 3, 6, Set.of(NeedCode.ASD));

    private static final LocalDate REFERRED_ON = LocalDate.of(2026, 9, 1);
    private static final LocalDate OFFERED_ON = LocalDate.of(2026, 9, 10);
    private static final LocalDate ADMITTED_ON = LocalDate.of(2026, 9, 20);
    private static final LocalDate LATER = LocalDate.of(2026, 10, 5);
    private static final LocalDate LATEST = LocalDate.of(2026, 11, 20);
    private static final OverCapacityDecision DECISION = new OverCapacityDecision(
            "named in the EHC plan (CFA 2014 s.43)", "head of SEN");

    private FixtureConfiguration<Placement> fixture;
    private InMemoryPupils pupils;
    private PupilVault vault;
    private RecordingProvisionPlaces places;

    @BeforeEach
    void setUp() {
        pupils = new InMemoryPupils();
        pupils.know(UPN, PUPIL);
        vault = new PupilVault(pupils);
        places = new RecordingProvisionPlaces().with(RB_PROFILE).with(UNIT_PROFILE);
        fixture = new AggregateTestFixture<>(Placement.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(pupils);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(places);
    }

    // --- histories -------------------------------------------------------------------------------------------

    private static PupilReferred referred(int yearGroup, NeedCode need, EhcpStatus ehcp, ProvisionType requested) {
        return new PupilReferred(PLACEMENT, PUPIL, SEALED, yearGroup, need, Set.of(NeedCode.SLCN), ehcp, requested,
                "100001", REFERRED_ON, null);
    }

    private static PupilReferred referred() {
        return referred(5, NeedCode.ASD, EhcpStatus.EHCP, null);
    }

    private static PlaceOffered offered(ProvisionId provision, ProvisionType type) {
        return new PlaceOffered(PLACEMENT, provision, type, OFFERED_ON, false, null, null);
    }

    private static PlaceOffered offeredRb() {
        return offered(RB, ProvisionType.RESOURCE_BASE);
    }

    private static PupilAdmitted admittedRb(int percent) {
        return new PupilAdmitted(PLACEMENT, RB, ADMITTED_ON, percent, false, null, false);
    }

    private static PupilAdmitted admittedUnit(int percent) {
        return new PupilAdmitted(PLACEMENT, UNIT, ADMITTED_ON, percent, false, null, false);
    }

    private static ReferPupil referral(LocalDate referredOn, String note) {
        return new ReferPupil(PLACEMENT, ADA, 5, NeedCode.ASD, Set.of(NeedCode.SLCN), EhcpStatus.EHCP,
                ProvisionType.RESOURCE_BASE, new SchoolUrn("100001"), referredOn, note);
    }

    private static OfferPlace offerRb() {
        return new OfferPlace(PLACEMENT, RB, OFFERED_ON, null, null);
    }

    private static PlaceOffered expectedOfferRb() {
        return new PlaceOffered(PLACEMENT, RB, ProvisionType.RESOURCE_BASE, OFFERED_ON, false, null, null);
    }

    // --- R-STATE ---------------------------------------------------------------------------------------------

    static Stream<Arguments> terminalHistoriesAndCommands() {
        Map<String, List<Object>> terminal = Map.of(
                "MOVED_TO_MAINSTREAM", List.of(referred(), offeredRb(), admittedRb(60),
                        new MovedToMainstream(PLACEMENT, RB, LATER, null)),
                "ENDED", List.of(referred(), offeredRb(), admittedRb(60),
                        new PlacementEnded(PLACEMENT, RB, LATER, EndReason.LEFT_AREA, null)),
                "WITHDRAWN", List.of(referred(), new ReferralWithdrawn(PLACEMENT, LATER, "family moved")));
        List<Object> commands = List.of(
                new OfferPlace(PLACEMENT, RB, LATEST, null, null),
                new DeclineOffer(PLACEMENT, LATEST, "declined"),
                new WithdrawOffer(PLACEMENT, LATEST, "withdrawn"),
                new AdmitPupil(PLACEMENT, LATEST, 60, null),
                new ChangeTimeSplit(PLACEMENT, 80, LATEST, null),
                new MoveToMainstream(PLACEMENT, LATEST, null),
                new EndPlacement(PLACEMENT, LATEST, EndReason.OTHER_PROVISION, null),
                new WithdrawReferral(PLACEMENT, LATEST, "no longer needed"));
        return terminal.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(state -> commands.stream()
                .map(command -> Arguments.of(state.getKey(), command.getClass().getSimpleName(), state.getValue(),
                        command)));
    }

    @ParameterizedTest(name = "R-STATE: {1} is refused on a {0} placement")
    @MethodSource("terminalHistoriesAndCommands")
    @DisplayName("R-STATE: every command is refused on a terminal placement")
    void everyCommandIsRefusedOnATerminalPlacement(String state, String commandName, List<Object> history,
                                                   Object command) {
        fixture.given(history)
                .when(command)
                .expectException(violationOf(Rule.STATE))
                .expectNoEvents();
        assertThat(places.reserved).isEmpty();
        assertThat(places.released).isEmpty();
    }

    @Test
    @DisplayName("R-STATE: a pupil cannot be admitted before a place is offered")
    void admissionWithoutAnOfferIsRefused() {
        fixture.given(referred())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 60, null))
                .expectException(violationOf(Rule.STATE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-STATE: a second offer is refused while one is outstanding, and reserves nothing")
    void secondOfferWhileOneIsOutstandingIsRefused() {
        fixture.given(referred(), offeredRb())
                .when(new OfferPlace(PLACEMENT, UNIT, LATER, null, null))
                .expectException(violationOf(Rule.STATE))
                .expectNoEvents();
        assertThat(places.reserved).isEmpty();
    }

    @Test
    @DisplayName("R-STATE: a referral with an offer outstanding cannot be withdrawn")
    void referralWithAnOfferOutstandingCannotBeWithdrawn() {
        fixture.given(referred(), offeredRb())
                .when(new WithdrawReferral(PLACEMENT, LATER, "no longer needed"))
                .expectException(violationOf(Rule.STATE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-STATE: the lifecycle refer → offer → admit → change split → move to mainstream is accepted")
    void theWholeLifecycleIsAccepted() {
        fixture.given(referred(), offeredRb(), admittedRb(60),
                        new TimeSplitChanged(PLACEMENT, RB, 60, 80, LATER, (SplitChangeReason) null, false))
                .when(new MoveToMainstream(PLACEMENT, LATEST, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MovedToMainstream(PLACEMENT, RB, LATEST, null))
                .expectResultMessagePayload(4L);
    }

    // --- R-DATE-ORDER ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-DATE-ORDER: a referral dated in the future is refused and claims nothing")
    void referralDatedInTheFutureIsRefused() {
        fixture.givenNoPriorActivity()
                .when(referral(TODAY.plusDays(1), null))
                .expectException(violationOf(Rule.DATE_ORDER))
                .expectNoEvents();
        assertThat(pupils.openPlacement(PUPIL)).isEmpty();
    }

    @Test
    @DisplayName("R-DATE-ORDER: a referral dated today is accepted")
    void referralDatedTodayIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(referral(TODAY, null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(PupilReferred.class,
                        e -> assertThat(e.referredOn()).isEqualTo(TODAY)));
    }

    @Test
    @DisplayName("R-DATE-ORDER: an offer dated before the referral is refused")
    void offerBeforeTheReferralIsRefused() {
        fixture.given(referred())
                .when(new OfferPlace(PLACEMENT, RB, REFERRED_ON.minusDays(1), null, null))
                .expectException(violationOf(Rule.DATE_ORDER))
                .expectNoEvents();
        assertThat(places.reserved).isEmpty();
    }

    @Test
    @DisplayName("R-DATE-ORDER: a new offer dated before the previous offer was declined is refused")
    void offerBeforeThePreviousDeclineIsRefused() {
        fixture.given(referred(), offeredRb(), new OfferDeclined(PLACEMENT, RB, LATER, "too far"))
                .when(new OfferPlace(PLACEMENT, UNIT, LATER.minusDays(1), null, null))
                .expectException(violationOf(Rule.DATE_ORDER))
                .expectNoEvents();
        assertThat(places.reserved).isEmpty();
    }

    @Test
    @DisplayName("R-DATE-ORDER: an admission dated before its offer is refused")
    void admissionBeforeTheOfferIsRefused() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, OFFERED_ON.minusDays(1), 60, null))
                .expectException(violationOf(Rule.DATE_ORDER))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-DATE-ORDER: an admission on the day of the offer is accepted")
    void admissionOnTheDayOfTheOfferIsAccepted() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, OFFERED_ON, 60, null))
                .expectEvents(new PupilAdmitted(PLACEMENT, RB, OFFERED_ON, 60, false, null, false));
    }

    @Test
    @DisplayName("R-DATE-ORDER: a time split change dated before the last change is refused")
    void splitChangeBeforeThePreviousChangeIsRefused() {
        fixture.given(referred(), offeredRb(), admittedRb(60),
                        new TimeSplitChanged(PLACEMENT, RB, 60, 70, LATER, (SplitChangeReason) null, false))
                .when(new ChangeTimeSplit(PLACEMENT, 80, LATER.minusDays(1), null))
                .expectException(violationOf(Rule.DATE_ORDER))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-DATE-ORDER: ending a placement before its admission is refused and releases nothing")
    void endingBeforeTheAdmissionIsRefused() {
        fixture.given(referred(), offeredRb(), admittedRb(60))
                .when(new EndPlacement(PLACEMENT, ADMITTED_ON.minusDays(1), EndReason.LEFT_AREA, null))
                .expectException(violationOf(Rule.DATE_ORDER))
                .expectNoEvents();
        assertThat(places.released).isEmpty();
    }

    // --- R-ONE-OPEN ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-ONE-OPEN: a pupil with an open placement cannot be referred again")
    void pupilWithAnOpenPlacementCannotBeReferredAgain() {
        pupils.markOpen(PUPIL, OTHER_PLACEMENT);

        fixture.givenNoPriorActivity()
                .when(referral(REFERRED_ON, null))
                .expectException(violationOf(Rule.ONE_OPEN))
                .expectNoEvents();
        assertThat(pupils.openPlacement(PUPIL)).contains(OTHER_PLACEMENT);
    }

    @Test
    @DisplayName("R-ONE-OPEN: a referral claims the pupil's one open placement")
    void referralClaimsThePupilsOpenPlacement() {
        fixture.givenNoPriorActivity()
                .when(referral(REFERRED_ON, null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyEvent(PupilReferred.class,
                        e -> assertThat(e.pupilId()).isEqualTo(PUPIL)));
        assertThat(pupils.openPlacement(PUPIL)).contains(PLACEMENT);
    }

    @Test
    @DisplayName("R-ONE-OPEN: withdrawing the referral frees the pupil for a new referral")
    void withdrawingTheReferralFreesThePupil() {
        pupils.markOpen(PUPIL, PLACEMENT);

        fixture.given(referred())
                .when(new WithdrawReferral(PLACEMENT, LATER, "family moved"))
                .expectEvents(new ReferralWithdrawn(PLACEMENT, LATER, "family moved"));
        assertThat(pupils.openPlacement(PUPIL)).isEmpty();
    }

    @Test
    @DisplayName("R-ONE-OPEN: moving to mainstream frees the pupil for a new referral")
    void movingToMainstreamFreesThePupil() {
        pupils.markOpen(PUPIL, PLACEMENT);

        fixture.given(referred(), offeredRb(), admittedRb(60))
                .when(new MoveToMainstream(PLACEMENT, LATER, null))
                .expectEvents(new MovedToMainstream(PLACEMENT, RB, LATER, null));
        assertThat(pupils.openPlacement(PUPIL)).isEmpty();
    }

    @Test
    @DisplayName("R-ONE-OPEN: ending the placement frees the pupil for a new referral")
    void endingThePlacementFreesThePupil() {
        pupils.markOpen(PUPIL, PLACEMENT);

        fixture.given(referred(), offeredRb(), admittedRb(60))
                .when(new EndPlacement(PLACEMENT, LATER, EndReason.LEFT_AREA, null))
                .expectEvents(new PlacementEnded(PLACEMENT, RB, LATER, EndReason.LEFT_AREA, null));
        assertThat(pupils.openPlacement(PUPIL)).isEmpty();
    }

    @Test
    @DisplayName("R-ONE-OPEN: a declined offer keeps the placement open")
    void declinedOfferKeepsThePlacementOpen() {
        pupils.markOpen(PUPIL, PLACEMENT);

        fixture.given(referred(), offeredRb())
                .when(new DeclineOffer(PLACEMENT, LATER, "too far"))
                .expectEvents(new OfferDeclined(PLACEMENT, RB, LATER, "too far"));
        assertThat(pupils.openPlacement(PUPIL)).contains(PLACEMENT);
    }

    // --- R-PROVISION-OPEN (decided by the provision; see ProvisionRulesTest) ----------------------------------

    @Test
    @DisplayName("R-PROVISION-OPEN: an offer the provision refuses as closed records nothing")
    void offerToAClosedProvisionRecordsNothing() {
        places.refusing(RB, Rule.PROVISION_OPEN);

        fixture.given(referred())
                .when(offerRb())
                .expectException(violationOf(Rule.PROVISION_OPEN))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PROVISION-OPEN: an offer to an open provision reserves the place and records the offer")
    void offerToAnOpenProvisionReservesThePlace() {
        fixture.given(referred())
                .when(offerRb())
                .expectEvents(expectedOfferRb())
                .expectResultMessagePayload(1L);
        assertThat(places.reserved).containsExactly(new ReservePlace(RB, PLACEMENT, OFFERED_ON, null));
    }

    // --- R-YEAR ----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-YEAR: an offer outside the provision's year range is refused")
    void offerOutsideTheYearRangeIsRefused() {
        fixture.given(referred(7, NeedCode.ASD, EhcpStatus.EHCP, null))
                .when(offerRb())
                .expectException(violationOf(Rule.YEAR))
                .expectNoEvents();
        assertThat(places.reserved).isEmpty();
    }

    @Test
    @DisplayName("R-YEAR: an offer below the provision's lowest year is refused")
    void offerBelowTheLowestYearIsRefused() {
        fixture.given(referred(2, NeedCode.ASD, EhcpStatus.EHCP, null))
                .when(offerRb())
                .expectException(violationOf(Rule.YEAR))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-YEAR: an offer at the edges of the provision's year range is accepted")
    void offerAtTheEdgeOfTheYearRangeIsAccepted() {
        fixture.given(referred(6, NeedCode.ASD, EhcpStatus.EHCP, null))
                .when(offerRb())
                .expectEvents(expectedOfferRb());
        fixture.given(referred(3, NeedCode.ASD, EhcpStatus.EHCP, null))
                .when(offerRb())
                .expectEvents(expectedOfferRb());
    }

    // --- R-TYPE ----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-TYPE: an offer of another type than the referral asked for is refused")
    void offerOfAnotherTypeThanRequestedIsRefused() {
        fixture.given(referred(5, NeedCode.ASD, EhcpStatus.EHCP, ProvisionType.SEN_UNIT))
                .when(offerRb())
                .expectException(violationOf(Rule.TYPE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-TYPE: an offer of the requested type is accepted and records the type")
    void offerOfTheRequestedTypeIsAccepted() {
        fixture.given(referred(5, NeedCode.ASD, EhcpStatus.EHCP, ProvisionType.SEN_UNIT))
                .when(new OfferPlace(PLACEMENT, UNIT, OFFERED_ON, null, null))
                .expectEvents(new PlaceOffered(PLACEMENT, UNIT, ProvisionType.SEN_UNIT, OFFERED_ON, false, null,
                        null));
    }

    @Test
    @DisplayName("R-TYPE: a referral that asked for no type can be offered either type")
    void referralWithoutARequestedTypeCanBeOfferedAnyType() {
        fixture.given(referred())
                .when(new OfferPlace(PLACEMENT, UNIT, OFFERED_ON, null, null))
                .expectEvents(new PlaceOffered(PLACEMENT, UNIT, ProvisionType.SEN_UNIT, OFFERED_ON, false, null,
                        null));
    }

    // --- R-EHCP ----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-EHCP: an offer to a pupil with neither a plan nor an assessment is refused")
    void offerWithoutPlanOrAssessmentIsRefused() {
        fixture.given(referred(5, NeedCode.ASD, EhcpStatus.NONE, null))
                .when(offerRb())
                .expectException(violationOf(Rule.EHCP))
                .expectNoEvents();
        assertThat(places.reserved).isEmpty();
    }

    @Test
    @DisplayName("R-EHCP: an offer to a pupil with an assessment in progress is accepted")
    void offerDuringAnAssessmentIsAccepted() {
        fixture.given(referred(5, NeedCode.ASD, EhcpStatus.ASSESSMENT, null))
                .when(offerRb())
                .expectEvents(expectedOfferRb());
    }

    // --- R-NEED ----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-NEED: an offer outside the designated needs without an override reason is refused")
    void offerOutsideDesignatedNeedWithoutReasonIsRefused() {
        fixture.given(referred(5, NeedCode.HI, EhcpStatus.EHCP, null))
                .when(offerRb())
                .expectException(violationOf(Rule.NEED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-NEED: a blank override reason is no reason")
    void offerOutsideDesignatedNeedWithBlankReasonIsRefused() {
        fixture.given(referred(5, NeedCode.HI, EhcpStatus.EHCP, null))
                .when(new OfferPlace(PLACEMENT, RB, OFFERED_ON, "   ", null))
                .expectException(violationOf(Rule.NEED))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-NEED: an offer outside the designated needs records its override reason")
    void offerOutsideDesignatedNeedRecordsTheOverride() {
        fixture.given(referred(5, NeedCode.HI, EhcpStatus.EHCP, null))
                .when(new OfferPlace(PLACEMENT, RB, OFFERED_ON, "  nearest base with a signing TA ", null))
                .expectEvents(new PlaceOffered(PLACEMENT, RB, ProvisionType.RESOURCE_BASE, OFFERED_ON, true,
                        "nearest base with a signing TA", null));
    }

    @Test
    @DisplayName("R-NEED: an offer within the designated needs records no override even if a reason is given")
    void offerWithinDesignatedNeedRecordsNoOverride() {
        fixture.given(referred())
                .when(new OfferPlace(PLACEMENT, RB, OFFERED_ON, "not needed", null))
                .expectEvents(expectedOfferRb());
    }

    // --- R-CAPACITY (decided by the provision; see ProvisionRulesTest) ----------------------------------------

    @Test
    @DisplayName("R-CAPACITY: an offer the provision refuses as full records nothing")
    void offerBeyondCommissionedPlacesIsRefusedWithoutDecision() {
        places.refusing(RB, Rule.CAPACITY);

        fixture.given(referred())
                .when(offerRb())
                .expectException(violationOf(Rule.CAPACITY))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-CAPACITY: an over-capacity offer records the decision and passes it to the reservation")
    void overCapacityOfferRecordsTheDecision() {
        places.full(RB);

        fixture.given(referred())
                .when(new OfferPlace(PLACEMENT, RB, OFFERED_ON, null, DECISION))
                .expectEvents(new PlaceOffered(PLACEMENT, RB, ProvisionType.RESOURCE_BASE, OFFERED_ON, false, null,
                        DECISION));
        assertThat(places.reserved).containsExactly(new ReservePlace(RB, PLACEMENT, OFFERED_ON, DECISION));
    }

    @Test
    @DisplayName("R-CAPACITY: a decision the provision did not need is not recorded as over capacity")
    void unneededCapacityDecisionIsNotRecorded() {
        fixture.given(referred())
                .when(new OfferPlace(PLACEMENT, RB, OFFERED_ON, null, DECISION))
                .expectEvents(expectedOfferRb());
    }

    // --- R-SPLIT-RB ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-SPLIT-RB: admission to a Resource Base at 100% mainstream is refused")
    void resourceBaseAdmissionAtFullMainstreamIsRefused() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 100, "full time"))
                .expectException(violationOf(Rule.SPLIT_RB))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-SPLIT-RB: admission to a Resource Base at 0% mainstream is refused")
    void resourceBaseAdmissionAtNoMainstreamIsRefused() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 0, "needs the base all week"))
                .expectException(violationOf(Rule.SPLIT_RB))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-SPLIT-RB: admission below the integration band without a reason is refused")
    void resourceBaseAdmissionBelowTheBandWithoutReasonIsRefused() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 40, " "))
                .expectException(violationOf(Rule.SPLIT_RB))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-SPLIT-RB: admission below the integration band with a reason is flagged below the band")
    void resourceBaseAdmissionBelowTheBandIsFlagged() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 40, "settling in "))
                .expectEvents(new PupilAdmitted(PLACEMENT, RB, ADMITTED_ON, 40, false, "settling in", true));
    }

    @Test
    @DisplayName("R-SPLIT-RB: admission at the bounds 1% (with a reason) and 99% is accepted")
    void resourceBaseAdmissionAtTheBoundsIsAccepted() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 99, null))
                .expectEvents(new PupilAdmitted(PLACEMENT, RB, ADMITTED_ON, 99, false, null, false));
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 1, "phased start"))
                .expectEvents(new PupilAdmitted(PLACEMENT, RB, ADMITTED_ON, 1, false, "phased start", true));
    }

    @Test
    @DisplayName("R-SPLIT-RB: a change to 100% mainstream is refused: that is a move to mainstream")
    void resourceBaseChangeToFullMainstreamIsRefused() {
        fixture.given(referred(), offeredRb(), admittedRb(60))
                .when(new ChangeTimeSplit(PLACEMENT, 100, LATER, null))
                .expectException(violationOf(Rule.SPLIT_RB))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-SPLIT-RB: a change to below the band with a reason is flagged below the band")
    void resourceBaseChangeBelowTheBandIsFlagged() {
        fixture.given(referred(), offeredRb(), admittedRb(60))
                .when(new ChangeTimeSplit(PLACEMENT, 45, LATER, "anxiety after a move"))
                .expectEvents(new TimeSplitChanged(PLACEMENT, RB, 60, 45, LATER, "anxiety after a move", true));
    }

    @Test
    @DisplayName("R-SPLIT-RB: a change below the band without a reason is refused")
    void resourceBaseChangeBelowTheBandWithoutReasonIsRefused() {
        fixture.given(referred(), offeredRb(), admittedRb(60))
                .when(new ChangeTimeSplit(PLACEMENT, 45, LATER, null))
                .expectException(violationOf(Rule.SPLIT_RB))
                .expectNoEvents();
    }

    // --- R-SPLIT-UNIT ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-SPLIT-UNIT: admission to a SEN Unit at 50% mainstream is refused")
    void senUnitAdmissionAtHalfMainstreamIsRefused() {
        fixture.given(referred(), offered(UNIT, ProvisionType.SEN_UNIT))
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 50, null))
                .expectException(violationOf(Rule.SPLIT_UNIT))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-SPLIT-UNIT: admission to a SEN Unit at 0% and 49% is accepted, never flagged below the band")
    void senUnitAdmissionWithinItsRangeIsAccepted() {
        fixture.given(referred(), offered(UNIT, ProvisionType.SEN_UNIT))
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 49, null))
                .expectEvents(new PupilAdmitted(PLACEMENT, UNIT, ADMITTED_ON, 49, false, null, false));
        fixture.given(referred(), offered(UNIT, ProvisionType.SEN_UNIT))
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 0, null))
                .expectEvents(new PupilAdmitted(PLACEMENT, UNIT, ADMITTED_ON, 0, false, null, false));
    }

    @Test
    @DisplayName("R-SPLIT-UNIT: a SEN Unit change to 50% or more is refused")
    void senUnitChangeToHalfMainstreamIsRefused() {
        fixture.given(referred(), offered(UNIT, ProvisionType.SEN_UNIT), admittedUnit(30))
                .when(new ChangeTimeSplit(PLACEMENT, 60, LATER, null))
                .expectException(violationOf(Rule.SPLIT_UNIT))
                .expectNoEvents();
    }

    // --- R-INTEGRATION-FIRST ---------------------------------------------------------------------------------

    @Test
    @DisplayName("R-INTEGRATION-FIRST: a reduction of mainstream time without a reason is refused")
    void reductionWithoutReasonIsRefused() {
        fixture.given(referred(), offeredRb(), admittedRb(70))
                .when(new ChangeTimeSplit(PLACEMENT, 60, LATER, null))
                .expectException(violationOf(Rule.INTEGRATION_FIRST))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-INTEGRATION-FIRST: a SEN Unit reduction without a reason is refused too")
    void senUnitReductionWithoutReasonIsRefused() {
        fixture.given(referred(), offered(UNIT, ProvisionType.SEN_UNIT), admittedUnit(30))
                .when(new ChangeTimeSplit(PLACEMENT, 20, LATER, ""))
                .expectException(violationOf(Rule.INTEGRATION_FIRST))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-INTEGRATION-FIRST: a reduction with a reason records the reason")
    void reductionWithReasonIsRecorded() {
        fixture.given(referred(), offeredRb(), admittedRb(70))
                .when(new ChangeTimeSplit(PLACEMENT, 60, LATER, " timetable clash "))
                .expectEvents(new TimeSplitChanged(PLACEMENT, RB, 70, 60, LATER, "timetable clash", false))
                .expectResultMessagePayload(3L);
    }

    @Test
    @DisplayName("R-INTEGRATION-FIRST: an increase needs no reason")
    void increaseNeedsNoReason() {
        fixture.given(referred(), offeredRb(), admittedRb(70))
                .when(new ChangeTimeSplit(PLACEMENT, 80, LATER, null))
                .expectEvents(new TimeSplitChanged(PLACEMENT, RB, 70, 80, LATER, (SplitChangeReason) null, false));
    }

    @Test
    @DisplayName("R-INTEGRATION-FIRST: a change to the same value records nothing and keeps the version")
    void changeToTheSameValueRecordsNothing() {
        fixture.given(referred(), offeredRb(), admittedRb(70))
                .when(new ChangeTimeSplit(PLACEMENT, 70, LATER, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    // --- R-DEFAULT-SPLIT -------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-DEFAULT-SPLIT: a Resource Base pupil admitted without a split starts at 50%")
    void resourceBaseAdmissionWithoutSplitStartsAtHalf() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, null, null))
                .expectEvents(new PupilAdmitted(PLACEMENT, RB, ADMITTED_ON, 50, true, null, false));
    }

    @Test
    @DisplayName("R-DEFAULT-SPLIT: a SEN Unit pupil admitted without a split starts at 20%")
    void senUnitAdmissionWithoutSplitStartsAtTwentyPercent() {
        fixture.given(referred(), offered(UNIT, ProvisionType.SEN_UNIT))
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, null, null))
                .expectEvents(new PupilAdmitted(PLACEMENT, UNIT, ADMITTED_ON, 20, true, null, false));
    }

    @Test
    @DisplayName("R-DEFAULT-SPLIT: an admission with a split is not marked as defaulted")
    void admissionWithASplitIsNotDefaulted() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 50, null))
                .expectEvents(new PupilAdmitted(PLACEMENT, RB, ADMITTED_ON, 50, false, null, false));
    }

    // --- R-RELEASE -------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-RELEASE: a declined offer frees the place at once and the pupil can be offered elsewhere")
    void declinedOfferReleasesThePlace() {
        fixture.given(referred(), offeredRb())
                .when(new DeclineOffer(PLACEMENT, LATER, "too far"))
                .expectEvents(new OfferDeclined(PLACEMENT, RB, LATER, "too far"))
                .expectResultMessagePayload(2L);
        assertThat(places.released).containsExactly(
                new ReleasePlace(RB, PLACEMENT, LATER, ReleaseCause.OFFER_DECLINED));
    }

    @Test
    @DisplayName("R-RELEASE: a withdrawn offer frees the place at once")
    void withdrawnOfferReleasesThePlace() {
        fixture.given(referred(), offeredRb())
                .when(new WithdrawOffer(PLACEMENT, LATER, "transport not possible"))
                .expectEvents(new OfferWithdrawn(PLACEMENT, RB, LATER, "transport not possible"));
        assertThat(places.released).containsExactly(
                new ReleasePlace(RB, PLACEMENT, LATER, ReleaseCause.OFFER_WITHDRAWN));
    }

    @Test
    @DisplayName("R-RELEASE: a move to mainstream frees the place at once")
    void moveToMainstreamReleasesThePlace() {
        fixture.given(referred(), offeredRb(), admittedRb(80))
                .when(new MoveToMainstream(PLACEMENT, LATER, null))
                .expectEvents(new MovedToMainstream(PLACEMENT, RB, LATER, null));
        assertThat(places.released).containsExactly(
                new ReleasePlace(RB, PLACEMENT, LATER, ReleaseCause.MOVED_TO_MAINSTREAM));
    }

    @Test
    @DisplayName("R-RELEASE: ending a placement frees the place at once")
    void endingAPlacementReleasesThePlace() {
        fixture.given(referred(), offered(UNIT, ProvisionType.SEN_UNIT), admittedUnit(20))
                .when(new EndPlacement(PLACEMENT, LATER, EndReason.SPECIAL_SCHOOL, null))
                .expectEvents(new PlacementEnded(PLACEMENT, UNIT, LATER, EndReason.SPECIAL_SCHOOL, null));
        assertThat(places.released).containsExactly(
                new ReleasePlace(UNIT, PLACEMENT, LATER, ReleaseCause.PLACEMENT_ENDED));
    }

    @Test
    @DisplayName("R-RELEASE: after a declined offer the placement is referred again and can be offered elsewhere")
    void declinedPlacementCanBeOfferedElsewhere() {
        fixture.given(referred(), offeredRb(), new OfferDeclined(PLACEMENT, RB, LATER, "too far"))
                .when(new OfferPlace(PLACEMENT, UNIT, LATER, null, null))
                .expectEvents(new PlaceOffered(PLACEMENT, UNIT, ProvisionType.SEN_UNIT, LATER, false, null, null));
    }

    @Test
    @DisplayName("R-RELEASE: admission and time split changes keep the place")
    void admissionKeepsThePlace() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 60, null))
                .expectSuccessfulHandlerExecution();
        fixture.given(referred(), offeredRb(), admittedRb(60))
                .when(new ChangeTimeSplit(PLACEMENT, 70, LATER, null))
                .expectSuccessfulHandlerExecution();
        assertThat(places.released).isEmpty();
    }

    // --- R-END-REASON ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-END-REASON: ending a placement without a reason is refused")
    void endingWithoutAReasonIsRefused() {
        fixture.given(referred(), offeredRb(), admittedRb(60))
                .when(new EndPlacement(PLACEMENT, LATER, null, "moving on"))
                .expectException(violationOf(Rule.END_REASON))
                .expectNoEvents();
        assertThat(places.released).isEmpty();
    }

    @Test
    @DisplayName("R-END-REASON: the reason OTHER without a note is refused")
    void endingForOtherWithoutANoteIsRefused() {
        fixture.given(referred(), offeredRb(), admittedRb(60))
                .when(new EndPlacement(PLACEMENT, LATER, EndReason.OTHER, "  "))
                .expectException(violationOf(Rule.END_REASON))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-END-REASON: the reason OTHER with a note records the note sealed")
    void endingForOtherWithANoteSealsTheNote() {
        fixture.given(referred(), offeredRb(), admittedRb(60))
                .when(new EndPlacement(PLACEMENT, LATER, EndReason.OTHER, "elective home education"))
                .expectEventsMatching(onlyEvent(PlacementEnded.class, e -> {
                    assertThat(e).extracting(PlacementEnded::placementId, PlacementEnded::provisionId,
                                    PlacementEnded::effectiveFrom, PlacementEnded::reason)
                            .containsExactly(PLACEMENT, RB, LATER, EndReason.OTHER);
                    assertThat(e.note()).startsWith(PupilVault.PREFIX).doesNotContain("home");
                    assertThat(vault.open(PUPIL, e.note())).isEqualTo("elective home education");
                }));
    }

    // --- concurrency: If-Match ------------------------------------------------------------------------------

    @Test
    @DisplayName("a command against a version the client did not see is refused as a version conflict")
    void staleExpectedVersionIsAVersionConflict() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 60, null), Map.of("expectedVersion", 0L))
                .expectException(VersionConflict.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a version conflict reports the actual version and reserves nothing")
    void versionConflictReportsTheActualVersion() {
        fixture.given(referred())
                .when(offerRb(), Map.of("expectedVersion", 3L))
                .expectException(new org.hamcrest.TypeSafeMatcher<VersionConflict>() {
                    @Override
                    protected boolean matchesSafely(VersionConflict conflict) {
                        return conflict.actualVersion() == 0L;
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("a VersionConflict at actual version 0");
                    }
                })
                .expectNoEvents();
        assertThat(places.reserved).isEmpty();
    }

    @Test
    @DisplayName("a command at the version the client saw is accepted and returns the new version")
    void matchingExpectedVersionIsAccepted() {
        fixture.given(referred(), offeredRb())
                .when(new AdmitPupil(PLACEMENT, ADMITTED_ON, 60, null), Map.of("expectedVersion", 1L))
                .expectEvents(new PupilAdmitted(PLACEMENT, RB, ADMITTED_ON, 60, false, null, false))
                .expectResultMessagePayload(2L);
    }

    // --- personal data ---------------------------------------------------------------------------------------

    @Nested
    @DisplayName("personal data in PupilReferred")
    class PersonalData {

        @Test
        @DisplayName("is sealed with the pupil's key and opens back to the clear values")
        void personalDataIsSealedInTheReferral() {
            fixture.givenNoPriorActivity()
                    .when(referral(REFERRED_ON, "prefers a quiet room"))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(onlyEvent(PupilReferred.class, e -> {
                        SealedPupil sealed = e.pupil();
                        assertThat(List.of(sealed.upn(), sealed.givenName(), sealed.familyName(),
                                sealed.dateOfBirth(), e.note()))
                                .allSatisfy(value -> assertThat(value).startsWith(PupilVault.PREFIX)
                                        .doesNotContain("Ada", "Lovelace", UPN.value(), "2016", "quiet"));
                        assertThat(vault.open(PUPIL, sealed.upn())).isEqualTo(UPN.value());
                        assertThat(vault.open(PUPIL, sealed.givenName())).isEqualTo("Ada");
                        assertThat(vault.open(PUPIL, sealed.familyName())).isEqualTo("Lovelace");
                        assertThat(vault.open(PUPIL, sealed.dateOfBirth())).isEqualTo("2016-12-10");
                        assertThat(vault.open(PUPIL, e.note())).isEqualTo("prefers a quiet room");
                    }));
        }

        @Test
        @DisplayName("keeps the rule fields in clear beside the sealed pupil")
        void ruleFieldsStayInClear() {
            fixture.givenNoPriorActivity()
                    .when(referral(REFERRED_ON, null))
                    .expectEventsMatching(onlyEvent(PupilReferred.class, e -> {
                        assertThat(e.placementId()).isEqualTo(PLACEMENT);
                        assertThat(e.pupilId()).isEqualTo(PUPIL);
                        assertThat(e.yearGroup()).isEqualTo(5);
                        assertThat(e.primaryNeed()).isEqualTo(NeedCode.ASD);
                        assertThat(e.secondaryNeeds()).containsExactly(NeedCode.SLCN);
                        assertThat(e.ehcpStatus()).isEqualTo(EhcpStatus.EHCP);
                        assertThat(e.requestedType()).isEqualTo(ProvisionType.RESOURCE_BASE);
                        assertThat(e.homeSchoolUrn()).isEqualTo("100001");
                        assertThat(e.referredOn()).isEqualTo(REFERRED_ON);
                        assertThat(e.note()).isNull();
                    }));
        }

        @Test
        @DisplayName("cannot be opened once the pupil's key is erased, nor as another pupil's data")
        void sealedDataDiesWithTheKey() {
            fixture.givenNoPriorActivity()
                    .when(referral(REFERRED_ON, null))
                    .expectEventsMatching(onlyEvent(PupilReferred.class, e -> {
                        String sealedName = e.pupil().givenName();
                        PupilId other = new PupilId("another-pupil");
                        pupils.giveKey(other);
                        assertThatIllegalStateException()
                                .isThrownBy(() -> vault.open(other, sealedName));
                        pupils.erase(PUPIL);
                        assertThat(vault.open(PUPIL, sealedName)).isEqualTo(PupilVault.ERASED);
                    }));
        }
    }
}
