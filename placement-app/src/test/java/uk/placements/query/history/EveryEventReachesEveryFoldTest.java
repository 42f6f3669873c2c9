package uk.placements.query.history;

import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.placements.command.axon.EventSamples;
import uk.placements.query.capacity.CapacityLedgerProjection;
import uk.placements.query.caseload.CaseloadProjection;
import uk.placements.query.caseload.PlacementTimeline;
import uk.placements.query.provision.ProvisionProjection;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.provision.ProvisionState;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.ProvisionEvent;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every event of both sealed families reaches every fold and projection of its aggregate: the aggregate's own fold
 * (which the audit "as known on" view uses too, and through which the history and the caseload fold: an event it
 * does not know fails both), the placement history's fold, the placement timeline's description of it, and an
 * {@code @EventHandler} of each projection. Walked
 * through the sealed interfaces, so an event added later fails here until every reader knows it (the history's fold
 * used to read any event it did not know as a withdrawal). {@code PlacementRowFollowsTheFoldTest} walks them
 * through the caseload's row.
 */
class EveryEventReachesEveryFoldTest {

    static Stream<Class<?>> placementEvents() {
        return Arrays.stream(PlacementEvent.class.getPermittedSubclasses());
    }

    static Stream<Class<?>> provisionEvents() {
        return Arrays.stream(ProvisionEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{0} reaches every placement fold and projection")
    @MethodSource("placementEvents")
    void everyPlacementEventReachesEveryPlacementFold(Class<?> type) {
        PupilReferred referred = EventSamples.sample(PupilReferred.class);
        PlacementEvent event = (PlacementEvent) EventSamples.sample(type);

        PlacementState state = PlacementState.NONE.evolve(referred);
        assertThatCode(() -> state.evolve(event)).as("PlacementState.evolve").doesNotThrowAnyException();
        PlacementHistoryProjection.Latest period = PlacementHistoryProjection.evolve(null, 0, referred);
        assertThatCode(() -> PlacementHistoryProjection.evolve(period, 1, event)).as("placement history's fold")
                .doesNotThrowAnyException();
        assertThat(handles(CaseloadProjection.class, type)).as("a caseload handler").isTrue();
        PlacementTimeline.Description entry = PlacementTimeline.describe(event);
        assertThat(entry.on()).as("the timeline entry's date").isNotNull();
        assertThat(entry.detail()).as("the timeline entry's text").isNotBlank();
        assertThat(handles(PlacementHistoryProjection.class, type)).as("a placement history handler").isTrue();
        assertThat(handles(CapacityLedgerProjection.class, type)).as("a capacity ledger handler").isTrue();
    }

    @ParameterizedTest(name = "{0} reaches every provision fold and projection")
    @MethodSource("provisionEvents")
    void everyProvisionEventReachesEveryProvisionFold(Class<?> type) {
        ProvisionCommissioned commissioned = EventSamples.sample(ProvisionCommissioned.class);
        ProvisionEvent event = (ProvisionEvent) EventSamples.sample(type);

        ProvisionState state = ProvisionState.NONE.evolve(commissioned);
        assertThatCode(() -> state.evolve(event)).as("ProvisionState.evolve").doesNotThrowAnyException();
        assertThat(handles(ProvisionProjection.class, type)).as("a provisions handler").isTrue();
        assertThat(handles(CapacityLedgerProjection.class, type)).as("a capacity ledger handler").isTrue();
    }

    private static boolean handles(Class<?> projection, Class<?> eventType) {
        return Arrays.stream(projection.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .anyMatch(method -> method.getParameterCount() > 0
                        && method.getParameterTypes()[0].isAssignableFrom(eventType));
    }
}
