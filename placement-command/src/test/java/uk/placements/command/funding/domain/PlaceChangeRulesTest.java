package uk.placements.command.funding.domain;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.Rule;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.PlaceChangeReason;
import uk.placements.shared.funding.command.RecordPlaceChange;
import uk.placements.shared.funding.event.PlaceChangeRecorded;
import uk.placements.shared.provision.HostSchool;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.ProvisionEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static uk.placements.command.FixtureMatchers.violationOf;

/**
 * The place-change return's rules of docs/funding.md, each broken and kept, through the PlaceChangeReturn aggregate.
 * Today is 20 November 2026 (academic year 2026-27): returns are for 2027-28, against the places of 1 September 2026.
 */
public class PlaceChangeRulesTest {

    private static final ProvisionId RB = new ProvisionId("RB-NORTH-01");
    private static final AcademicYear THIS_YEAR = AcademicYear.parse("2026-27");
    private static final AcademicYear NEXT_YEAR = AcademicYear.parse("2027-28");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneId.of("Europe/London"));

    private FixtureConfiguration<PlaceChangeReturn> fixture;
    private final Map<ProvisionId, List<ProvisionEvent>> provisions = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlaceChangeReturn.class);
        fixture.registerInjectableResource((PlaceChangeFacts) id ->
                ProvisionPlaces.fold(provisions.getOrDefault(id, List.of())));
        fixture.registerInjectableResource(TODAY);
        // 10 places from 2024, 12 from 1 September 2026, 14 from October: on 1 September 2026 it had 12
        provision(new ProvisionCommissioned(RB, "North Resource Base", ProvisionType.RESOURCE_BASE,
                        new HostSchool(new SchoolUrn("100001"), "North Primary School"), Phase.PRIMARY, 0, 6,
                        Set.of(NeedCode.ASD), 10, LocalDate.of(2024, 9, 1)),
                new CommissionedPlacesChanged(RB, 10, 12, 8, LocalDate.of(2026, 9, 1), "second classroom"),
                new CommissionedPlacesChanged(RB, 12, 14, 9, LocalDate.of(2026, 10, 15), "third classroom"));
    }

    private void provision(ProvisionEvent... events) {
        provisions.computeIfAbsent(RB, id -> new ArrayList<>()).addAll(List.of(events));
    }

    private static RecordPlaceChange places(AcademicYear year, Integer places, PlaceChangeReason reason, String note,
                                            String correction) {
        return new RecordPlaceChange(RB, year, places, false, reason, note, correction);
    }

    private static RecordPlaceChange nilReturn(Integer places, PlaceChangeReason reason) {
        return new RecordPlaceChange(RB, NEXT_YEAR, places, true, reason, null, null);
    }

    private static PlaceChangeRecorded asked(int places, PlaceChangeReason reason, String note) {
        return new PlaceChangeRecorded(RB, NEXT_YEAR, 12, places, false, reason, note, false, null, null, null);
    }

    private static PlaceChangeRecorded nil() {
        return new PlaceChangeRecorded(RB, NEXT_YEAR, 12, 12, true, null, null, false, null, null, null);
    }

    @Test
    @DisplayName("a provision asks for more places for next year, against its places on 1 September")
    void moreplacesAreAskedAgainstThePlacesOfFirstSeptember() {
        fixture.givenNoPriorActivity()
                .when(places(NEXT_YEAR, 16, PlaceChangeReason.INCREASED_DEMAND, "waiting list of 6", null))
                .expectEvents(asked(16, PlaceChangeReason.INCREASED_DEMAND, "waiting list of 6"))
                .expectResultMessagePayload(0L);
    }

    @Test
    @DisplayName("a return for an unknown provision is not found")
    void unknownProvisionIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RecordPlaceChange(new ProvisionId("NO-SUCH"), NEXT_YEAR, 4, false,
                        PlaceChangeReason.NEW_PROVISION, null, null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // --- R-PLACE-CHANGE-YEAR ---------------------------------------------------------------------------------

    @Test
    @DisplayName("R-PLACE-CHANGE-YEAR: a return for this academic year is refused")
    void thisYearIsRefused() {
        fixture.givenNoPriorActivity()
                .when(places(THIS_YEAR, 16, PlaceChangeReason.INCREASED_DEMAND, null, null))
                .expectException(violationOf(Rule.PLACE_CHANGE_YEAR))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PLACE-CHANGE-YEAR: a return for the year after next is refused")
    void yearAfterNextIsRefused() {
        fixture.givenNoPriorActivity()
                .when(places(AcademicYear.parse("2028-29"), 16, PlaceChangeReason.INCREASED_DEMAND, null, null))
                .expectException(violationOf(Rule.PLACE_CHANGE_YEAR))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PLACE-CHANGE-YEAR: a return for the next academic year is recorded")
    void nextYearIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(places(NEXT_YEAR, 8, PlaceChangeReason.DECREASED_DEMAND, null, null))
                .expectEvents(asked(8, PlaceChangeReason.DECREASED_DEMAND, null));
    }

    // --- R-PLACE-CHANGE-OPEN ---------------------------------------------------------------------------------

    @Test
    @DisplayName("R-PLACE-CHANGE-OPEN: a provision closed before the year it returns for is refused")
    void closedProvisionIsRefused() {
        provision(new ProvisionClosed(RB, LocalDate.of(2026, 11, 1), "decommissioned"));
        fixture.givenNoPriorActivity()
                .when(nilReturn(null, null))
                .expectException(violationOf(Rule.PLACE_CHANGE_OPEN))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PLACE-CHANGE-OPEN: a provision closing after the first day of that year makes its return")
    void provisionClosingLaterMakesItsReturn() {
        provision(new ProvisionClosed(RB, LocalDate.of(2027, 12, 19), "decommissioned at Christmas"));
        fixture.givenNoPriorActivity()
                .when(places(NEXT_YEAR, 0, PlaceChangeReason.CLOSURE, null, null))
                .expectEvents(asked(0, PlaceChangeReason.CLOSURE, null));
    }

    // --- R-PLACE-CHANGE-REASON -------------------------------------------------------------------------------

    @Test
    @DisplayName("R-PLACE-CHANGE-REASON: places that change without a reason for change are refused")
    void changeWithoutReasonIsRefused() {
        fixture.givenNoPriorActivity()
                .when(places(NEXT_YEAR, 16, null, "more pupils", null))
                .expectException(violationOf(Rule.PLACE_CHANGE_REASON))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PLACE-CHANGE-REASON: the reason OTHER without a note is refused")
    void otherWithoutNoteIsRefused() {
        fixture.givenNoPriorActivity()
                .when(places(NEXT_YEAR, 16, PlaceChangeReason.OTHER, "  ", null))
                .expectException(violationOf(Rule.PLACE_CHANGE_REASON))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PLACE-CHANGE-REASON: the reason OTHER with a note is recorded")
    void otherWithNoteIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(places(NEXT_YEAR, 15, PlaceChangeReason.OTHER, " host school rebuild ", null))
                .expectEvents(asked(15, PlaceChangeReason.OTHER, "host school rebuild"));
    }

    @Test
    @DisplayName("R-PLACE-CHANGE-REASON: this year's places with a reason for change are refused")
    void unchangedPlacesWithReasonAreRefused() {
        fixture.givenNoPriorActivity()
                .when(places(NEXT_YEAR, 12, PlaceChangeReason.REALIGNMENT, null, null))
                .expectException(violationOf(Rule.PLACE_CHANGE_REASON))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PLACE-CHANGE-REASON: this year's places without a reason are recorded as a nil return")
    void unchangedPlacesAreANilReturn() {
        fixture.givenNoPriorActivity()
                .when(places(NEXT_YEAR, 12, null, null, null))
                .expectEvents(nil());
    }

    // --- R-NIL-RETURN ----------------------------------------------------------------------------------------

    @Test
    @DisplayName("R-NIL-RETURN: a nil return naming other places than this year's is refused")
    void nilReturnWithOtherPlacesIsRefused() {
        // 14 are the places from October; on 1 September there were 12
        fixture.givenNoPriorActivity()
                .when(nilReturn(14, null))
                .expectException(violationOf(Rule.NIL_RETURN))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-NIL-RETURN: a nil return with a reason for change is refused")
    void nilReturnWithReasonIsRefused() {
        fixture.givenNoPriorActivity()
                .when(nilReturn(null, PlaceChangeReason.REALIGNMENT))
                .expectException(violationOf(Rule.NIL_RETURN))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-NIL-RETURN: a nil return keeps the places of 1 September")
    void nilReturnKeepsThePlaces() {
        fixture.givenNoPriorActivity()
                .when(nilReturn(12, null))
                .expectEvents(nil())
                .expectResultMessagePayload(0L);
    }

    // --- R-PLACE-CHANGE-CORRECTION ---------------------------------------------------------------------------

    @Test
    @DisplayName("R-PLACE-CHANGE-CORRECTION: a second, different return without a reason is refused")
    void correctionWithoutReasonIsRefused() {
        fixture.given(nil())
                .when(places(NEXT_YEAR, 16, PlaceChangeReason.INCREASED_DEMAND, null, " "))
                .expectException(violationOf(Rule.PLACE_CHANGE_CORRECTION))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R-PLACE-CHANGE-CORRECTION: a correction with a reason is recorded with what it replaced")
    void correctionWithReasonIsRecorded() {
        fixture.given(asked(16, PlaceChangeReason.INCREASED_DEMAND, null))
                .when(places(NEXT_YEAR, 18, PlaceChangeReason.EXPANSION, null, "capital bid approved"))
                .expectEvents(new PlaceChangeRecorded(RB, NEXT_YEAR, 12, 18, false, PlaceChangeReason.EXPANSION,
                        null, true, 16, PlaceChangeReason.INCREASED_DEMAND, "capital bid approved"))
                .expectResultMessagePayload(1L);
    }

    @Test
    @DisplayName("R-PLACE-CHANGE-CORRECTION: the same return again records nothing")
    void sameReturnRecordsNothing() {
        fixture.given(asked(16, PlaceChangeReason.INCREASED_DEMAND, "waiting list of 6"))
                .when(places(NEXT_YEAR, 16, PlaceChangeReason.INCREASED_DEMAND, "waiting list of 6 ", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }
}
