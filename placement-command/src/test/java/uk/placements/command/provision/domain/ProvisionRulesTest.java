package uk.placements.command.provision.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.placements.command.placement.domain.VersionConflict;
import uk.placements.shared.common.BaseModel;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.Rule;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.HostSchool;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ReleaseCause;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordBaseLead;
import uk.placements.shared.provision.command.RecordBaseModel;
import uk.placements.shared.provision.command.RecordQualifiedTeacherAccess;
import uk.placements.shared.provision.command.RecordStaffing;
import uk.placements.shared.provision.event.BaseLeadAppointed;
import uk.placements.shared.provision.event.BaseLeadVacant;
import uk.placements.shared.provision.event.BaseModelRecorded;
import uk.placements.shared.provision.event.QualifiedTeacherAccessRecorded;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.PlaceReleased;
import uk.placements.shared.provision.event.PlaceReserved;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.StaffingRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static uk.placements.command.FixtureMatchers.violationOf;

/** The provision rules of DOMAIN.md, each broken and kept, through the Provision aggregate. */
public class ProvisionRulesTest {

    private static final ProvisionId RB = new ProvisionId("RB-NORTH-01");
    private static final HostSchool HOST = new HostSchool(new SchoolUrn("123456"), "Northgate Primary");
    private static final PlacementId FIRST = new PlacementId("11111111-1111-4111-8111-111111111111");
    private static final PlacementId SECOND = new PlacementId("22222222-2222-4222-8222-222222222222");
    private static final PlacementId THIRD = new PlacementId("33333333-3333-4333-8333-333333333333");
    private static final LocalDate OPENED_ON = LocalDate.of(2025, 9, 1);
    private static final LocalDate ON = LocalDate.of(2026, 9, 10);
    private static final LocalDate LATER = LocalDate.of(2026, 10, 1);
    private static final OverCapacityDecision DECISION = new OverCapacityDecision(
            "named in the EHC plan (CFA 2014 s.43)", "head of SEN");

    private FixtureConfiguration<Provision> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Provision.class);
        // Reserving and releasing are not commands on the bus; the fixture reaches them as an offer does.
        fixture.registerAnnotatedCommandHandler(new PlacesAsAnOfferReachesThem(fixture.getRepository()));
    }

    /** Test adapter: hands a reservation or release to the provision through the repository, as offers do. */
    static final class PlacesAsAnOfferReachesThem {
        private final RepositoryProvisionPlaces places;

        PlacesAsAnOfferReachesThem(org.axonframework.modelling.command.Repository<Provision> repository) {
            this.places = new RepositoryProvisionPlaces(repository);
        }

        @org.axonframework.commandhandling.CommandHandler
        boolean handle(ReservePlace request) {
            return places.reserve(request);
        }

        @org.axonframework.commandhandling.CommandHandler
        void handle(ReleasePlace request) {
            places.release(request);
        }
    }

    private static ProvisionCommissioned commissioned(int places) {
        return new ProvisionCommissioned(RB, "Northgate Resource Base", ProvisionType.RESOURCE_BASE, HOST,
                Phase.PRIMARY, 3, 6, Set.of(NeedCode.ASD, NeedCode.SLCN), places, OPENED_ON);
    }

    private static PlaceReserved reserved(PlacementId placement, int taken, int places) {
        return new PlaceReserved(RB, placement, ON, taken, places, null);
    }

    private static ProvisionClosed closed() {
        return new ProvisionClosed(RB, LATER, "recommissioned elsewhere");
    }

    // --- commissioning ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("commissioning a provision opens it with its profile")
    void commissioningOpensTheProvision() {
        fixture.givenNoPriorActivity()
                .when(new CommissionProvision(RB, " Northgate Resource Base ", ProvisionType.RESOURCE_BASE, HOST,
                        Phase.PRIMARY, 3, 6, Set.of(NeedCode.ASD, NeedCode.SLCN), 8, OPENED_ON))
                .expectEvents(commissioned(8));
    }

    // --- R-STATE ---------------------------------------------------------------------------------------------

    static List<Object> commandsOnAClosedProvision() {
        return List.of(
                new ChangeCommissionedPlaces(RB, 12, LATER.plusDays(1), "more demand"),
                new RecordStaffing(RB, 4, 1, new BigDecimal("6.5"), LATER.plusDays(1)),
                new CloseProvision(RB, LATER.plusDays(1), "again"),
                new RecordBaseModel(RB, BaseModel.SPECIALIST, LATER.plusDays(1)),
                new RecordBaseLead(RB, "A. Teacher", LATER.plusDays(1)),
                new RecordQualifiedTeacherAccess(RB, new BigDecimal("25"), new BigDecimal("25"), LATER.plusDays(1)));
    }

    @ParameterizedTest(name = "R-STATE: {0} is refused on a closed provision")
    @MethodSource("commandsOnAClosedProvision")
    @DisplayName("R-STATE: every provision command is refused once the provision is closed")
    void everyCommandIsRefusedOnAClosedProvision(Object command) {
        fixture.given(commissioned(8), closed())
                .when(command)
                .expectException(violationOf(Rule.STATE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-STATE: a placement cannot hold two places at one provision")
    void placementCannotReserveTwice() {
        fixture.given(commissioned(8), reserved(FIRST, 1, 8))
                .when(new ReservePlace(RB, FIRST, LATER, null))
                .expectException(violationOf(Rule.STATE))
                .expectNoEvents();
    }

    // --- R-PROVISION-OPEN ------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-PROVISION-OPEN: a place cannot be reserved at a closed provision")
    void reservationAtAClosedProvisionIsRefused() {
        fixture.given(commissioned(8), closed())
                .when(new ReservePlace(RB, FIRST, LATER, DECISION))
                .expectException(violationOf(Rule.PROVISION_OPEN))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PROVISION-OPEN: a place at an open provision is reserved")
    void reservationAtAnOpenProvisionIsAccepted() {
        fixture.given(commissioned(8))
                .when(new ReservePlace(RB, FIRST, ON, null))
                .expectEvents(reserved(FIRST, 1, 8))
                .expectResultMessagePayload(false);
    }

    // --- R-CAPACITY ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-CAPACITY: an offer beyond commissioned places without a decision is refused")
    void offerBeyondCommissionedPlacesIsRefusedWithoutDecision() {
        fixture.given(commissioned(2), reserved(FIRST, 1, 2), reserved(SECOND, 2, 2))
                .when(new ReservePlace(RB, THIRD, ON, null))
                .expectException(violationOf(Rule.CAPACITY))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-CAPACITY: the last commissioned place can be taken without a decision")
    void lastPlaceNeedsNoDecision() {
        fixture.given(commissioned(2), reserved(FIRST, 1, 2))
                .when(new ReservePlace(RB, SECOND, ON, null))
                .expectEvents(reserved(SECOND, 2, 2))
                .expectResultMessagePayload(false);
    }

    @Test
    @DisplayName("R-CAPACITY: an offer beyond commissioned places with a decision records the decision")
    void offerBeyondCommissionedPlacesWithDecisionIsRecorded() {
        fixture.given(commissioned(2), reserved(FIRST, 1, 2), reserved(SECOND, 2, 2))
                .when(new ReservePlace(RB, THIRD, ON, DECISION))
                .expectEvents(new PlaceReserved(RB, THIRD, ON, 3, 2, DECISION))
                .expectResultMessagePayload(true);
    }

    @Test
    @DisplayName("R-CAPACITY: a decision that was not needed is not recorded")
    void unneededDecisionIsNotRecorded() {
        fixture.given(commissioned(2))
                .when(new ReservePlace(RB, FIRST, ON, DECISION))
                .expectEvents(reserved(FIRST, 1, 2))
                .expectResultMessagePayload(false);
    }

    @Test
    @DisplayName("R-CAPACITY: places taken after a cut below them still refuse a new offer without a decision")
    void cutBelowPlacesTakenRefusesNewOffers() {
        fixture.given(commissioned(2), reserved(FIRST, 1, 2), reserved(SECOND, 2, 2),
                        new CommissionedPlacesChanged(RB, 2, 1, 2, LATER, "budget"))
                .when(new ReservePlace(RB, THIRD, LATER, null))
                .expectException(violationOf(Rule.CAPACITY))
                .expectNoEvents();
    }

    // --- R-RELEASE -------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-RELEASE: releasing a held place records it with the places still taken")
    void releasingAHeldPlaceIsRecorded() {
        fixture.given(commissioned(2), reserved(FIRST, 1, 2), reserved(SECOND, 2, 2))
                .when(new ReleasePlace(RB, FIRST, LATER, ReleaseCause.OFFER_DECLINED))
                .expectEvents(new PlaceReleased(RB, FIRST, LATER, ReleaseCause.OFFER_DECLINED, 1));
    }

    @Test
    @DisplayName("R-RELEASE: a released place can be offered again at once without a decision")
    void releasedPlaceIsFreeAtOnce() {
        fixture.given(commissioned(1), reserved(FIRST, 1, 1),
                        new PlaceReleased(RB, FIRST, LATER, ReleaseCause.MOVED_TO_MAINSTREAM, 0))
                .when(new ReservePlace(RB, SECOND, LATER, null))
                .expectEvents(new PlaceReserved(RB, SECOND, LATER, 1, 1, null));
    }

    @Test
    @DisplayName("R-RELEASE: releasing a place that is not held records nothing")
    void releasingAPlaceNotHeldRecordsNothing() {
        fixture.given(commissioned(2), reserved(FIRST, 1, 2))
                .when(new ReleasePlace(RB, SECOND, LATER, ReleaseCause.PLACEMENT_ENDED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-RELEASE: releasing the same place twice records it once")
    void releasingTheSamePlaceTwiceRecordsItOnce() {
        fixture.given(commissioned(2), reserved(FIRST, 1, 2),
                        new PlaceReleased(RB, FIRST, LATER, ReleaseCause.OFFER_WITHDRAWN, 0))
                .when(new ReleasePlace(RB, FIRST, LATER, ReleaseCause.OFFER_WITHDRAWN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- R-PLACES-CHANGE -------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-PLACES-CHANGE: changing commissioned places without a reason is refused")
    void changingPlacesWithoutAReasonIsRefused() {
        fixture.given(commissioned(8))
                .when(new ChangeCommissionedPlaces(RB, 10, LATER, " "))
                .expectException(violationOf(Rule.PLACES_CHANGE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PLACES-CHANGE: changing commissioned places with a reason records it and the places taken")
    void changingPlacesWithAReasonIsRecorded() {
        fixture.given(commissioned(8), reserved(FIRST, 1, 8))
                .when(new ChangeCommissionedPlaces(RB, 10, LATER, " more demand "))
                .expectEvents(new CommissionedPlacesChanged(RB, 8, 10, 1, LATER, "more demand"))
                .expectResultMessagePayload(2L);
    }

    @Test
    @DisplayName("R-PLACES-CHANGE: going below places taken is allowed and shows over capacity")
    void goingBelowPlacesTakenIsAllowed() {
        fixture.given(commissioned(2), reserved(FIRST, 1, 2), reserved(SECOND, 2, 2))
                .when(new ChangeCommissionedPlaces(RB, 1, LATER, "budget cut"))
                .expectEvents(new CommissionedPlacesChanged(RB, 2, 1, 2, LATER, "budget cut"));
    }

    @Test
    @DisplayName("R-PLACES-CHANGE: a change to the same number records nothing, with or without a reason")
    void sameNumberRecordsNothing() {
        fixture.given(commissioned(8))
                .when(new ChangeCommissionedPlaces(RB, 8, LATER, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    @DisplayName("R-PLACES-CHANGE: a back-dated change to the places of the last change is recorded: on its date "
            + "the places differ")
    void aBackDatedChangeToThePlacesOfTheLastChangeIsRecorded() {
        fixture.given(commissioned(8), new CommissionedPlacesChanged(RB, 8, 12, 0, LATER, "more demand"))
                .when(new ChangeCommissionedPlaces(RB, 12, ON, "the demand came earlier"))
                .expectEvents(new CommissionedPlacesChanged(RB, 8, 12, 0, ON, "the demand came earlier"))
                .expectResultMessagePayload(2L);
    }

    @Test
    @DisplayName("R-PLACES-CHANGE: a back-dated change to the places in force on its date records nothing")
    void aBackDatedChangeToThePlacesInForceOnItsDateRecordsNothing() {
        fixture.given(commissioned(8), new CommissionedPlacesChanged(RB, 8, 12, 0, LATER, "more demand"))
                .when(new ChangeCommissionedPlaces(RB, 8, ON, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    @DisplayName("R-PLACES-CHANGE: a change between two others replaces the places in force on its date")
    void aChangeBetweenTwoOthersReplacesThePlacesInForceOnItsDate() {
        fixture.given(commissioned(8), new CommissionedPlacesChanged(RB, 8, 12, 0, LATER, "more demand"),
                        new CommissionedPlacesChanged(RB, 8, 10, 0, ON, "some demand earlier"))
                .when(new ChangeCommissionedPlaces(RB, 12, ON.plusDays(5), "all of it earlier"))
                .expectEvents(new CommissionedPlacesChanged(RB, 10, 12, 0, ON.plusDays(5), "all of it earlier"));
    }

    // --- R-CLOSE ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-CLOSE: a provision with an offer outstanding or a pupil on roll cannot close")
    void provisionWithPlacesTakenCannotClose() {
        fixture.given(commissioned(8), reserved(FIRST, 1, 8))
                .when(new CloseProvision(RB, LATER, "recommissioned elsewhere"))
                .expectException(violationOf(Rule.CLOSE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-CLOSE: a provision whose places were all released closes")
    void emptyProvisionCloses() {
        fixture.given(commissioned(8), reserved(FIRST, 1, 8),
                        new PlaceReleased(RB, FIRST, LATER, ReleaseCause.PLACEMENT_ENDED, 0))
                .when(new CloseProvision(RB, LATER, "recommissioned elsewhere"))
                .expectEvents(closed())
                .expectResultMessagePayload(3L);
    }

    // --- staffing and versions -------------------------------------------------------------------------------

    @Test
    @DisplayName("staffing is recorded with its effective date")
    void staffingIsRecorded() {
        fixture.given(commissioned(8))
                .when(new RecordStaffing(RB, 5, 2, new BigDecimal("7.5"), LATER))
                .expectEvents(new StaffingRecorded(RB, 5, 2, new BigDecimal("7.5"), LATER))
                .expectResultMessagePayload(1L);
    }

    @Test
    @DisplayName("a command against a version the client did not see is a version conflict")
    void staleExpectedVersionIsAVersionConflict() {
        fixture.given(commissioned(8), reserved(FIRST, 1, 8))
                .when(new ChangeCommissionedPlaces(RB, 10, LATER, "more demand"), Map.of("expectedVersion", 0L))
                .expectException(VersionConflict.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("a command at the version the client saw is accepted")
    void matchingExpectedVersionIsAccepted() {
        fixture.given(commissioned(8), reserved(FIRST, 1, 8))
                .when(new ChangeCommissionedPlaces(RB, 10, LATER, "more demand"), Map.of("expectedVersion", 1L))
                .expectEvents(new CommissionedPlacesChanged(RB, 8, 10, 1, LATER, "more demand"));
    }

    // --- inclusion bases: R-BASE-DATE, R-BASE-HOURS ----------------------------------------------------------

    private static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }

    static List<Object> baseFactsBeforeOpening() {
        LocalDate before = OPENED_ON.minusDays(1);
        return List.of(
                new RecordBaseModel(RB, BaseModel.SPECIALIST, before),
                new RecordBaseLead(RB, "A. Teacher", before),
                new RecordBaseLead(RB, null, before),
                new RecordQualifiedTeacherAccess(RB, hours("25"), hours("25"), before));
    }

    @ParameterizedTest(name = "R-BASE-DATE: {0} dated before the provision opened is refused")
    @MethodSource("baseFactsBeforeOpening")
    void baseFactsBeforeOpeningAreRefused(Object command) {
        fixture.given(commissioned(8))
                .when(command)
                .expectException(violationOf(Rule.BASE_DATE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-BASE-DATE: a base model from the day the provision opened is recorded")
    void baseModelFromTheOpeningDayIsRecorded() {
        fixture.given(commissioned(8))
                .when(new RecordBaseModel(RB, BaseModel.SPECIALIST, OPENED_ON))
                .expectEvents(new BaseModelRecorded(RB, BaseModel.SPECIALIST, OPENED_ON))
                .expectResultMessagePayload(1L);
    }

    @Test
    @DisplayName("R-BASE-DATE: a named lead teacher back-dated behind a later vacancy is recorded from its own date")
    void aBackDatedLeadIsRecorded() {
        fixture.given(commissioned(8), new BaseLeadVacant(RB, LATER))
                .when(new RecordBaseLead(RB, " A. Teacher ", ON))
                .expectEvents(new BaseLeadAppointed(RB, "A. Teacher", ON));
    }

    @Test
    @DisplayName("R-BASE-DATE: a vacancy of the lead teacher's post is recorded from its date")
    void aVacancyIsRecorded() {
        fixture.given(commissioned(8), new BaseLeadAppointed(RB, "A. Teacher", ON))
                .when(new RecordBaseLead(RB, null, LATER))
                .expectEvents(new BaseLeadVacant(RB, LATER));
    }

    static List<Object[]> hoursOutsideASchoolWeek() {
        return List.of(new Object[]{"-1", "25"}, new Object[]{"40.1", "25"}, new Object[]{"20", "0"},
                new Object[]{"20", "41"});
    }

    @ParameterizedTest(name = "R-BASE-HOURS: {0} h with a qualified teacher against peers' {1} h is refused")
    @MethodSource("hoursOutsideASchoolWeek")
    void hoursOutsideASchoolWeekAreRefused(String pupils, String peers) {
        fixture.given(commissioned(8))
                .when(new RecordQualifiedTeacherAccess(RB, hours(pupils), hours(peers), ON))
                .expectException(violationOf(Rule.BASE_HOURS))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-BASE-HOURS: 0 and 40 hours are within a school week and are recorded to one decimal")
    void hoursAtTheBoundsAreRecorded() {
        fixture.given(commissioned(8))
                .when(new RecordQualifiedTeacherAccess(RB, hours("0"), hours("40"), ON))
                .expectEvents(new QualifiedTeacherAccessRecorded(RB, hours("0.0"), hours("40.0"), ON));
    }

    @Test
    @DisplayName("R-BASE-HOURS: hours below mainstream peers' are recorded: the standards view says so, no rule")
    void hoursBelowPeersAreRecorded() {
        fixture.given(commissioned(8))
                .when(new RecordQualifiedTeacherAccess(RB, hours("12.25"), hours("25"), ON))
                .expectEvents(new QualifiedTeacherAccessRecorded(RB, hours("12.3"), hours("25.0"), ON));
    }

    @Test
    @DisplayName("the lead teacher's name never shows in the command's or the event's text (staff data, kept out of logs)")
    void theLeadsNameStaysOutOfLogs() {
        org.assertj.core.api.Assertions.assertThat(new RecordBaseLead(RB, "A. Teacher", ON).toString())
                .doesNotContain("Teacher").contains("named");
        org.assertj.core.api.Assertions.assertThat(new BaseLeadAppointed(RB, "A. Teacher", ON).toString())
                .doesNotContain("Teacher");
    }
}
