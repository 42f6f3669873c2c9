package uk.placements.query.operations;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import uk.placements.query.caseload.CaseloadProjection;
import uk.placements.query.history.PlacementHistoryProjection;
import uk.placements.query.provision.ProvisionProjection;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.provision.event.ProvisionEvent;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model's processor handles every event type, those it records nothing for included: otherwise Axon
 * Server leaves them out of the processor's stream, and with them last in the store a rebuild waits for a future
 * event and the read model shows a lag for ever (see {@link ReadModelProjection}). Walks the sealed event interfaces,
 * so a new event type is covered as soon as it exists; and a handled event still reaches its own handler.
 */
class EveryEventReachesEveryReadModelTest {

    private final List<Object> projections = List.of(new CaseloadProjection(null, null),
            new PlacementHistoryProjection(null), new ProvisionProjection(null));

    @Test
    void eachReadModelCanHandleEveryPlacementAndProvisionEventType() {
        List<Class<?>> types = new ArrayList<>();
        types.addAll(List.of(PlacementEvent.class.getPermittedSubclasses()));
        types.addAll(List.of(ProvisionEvent.class.getPermittedSubclasses()));
        assertThat(types).hasSizeGreaterThan(10);

        for (Object projection : projections) {
            AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
            for (Class<?> type : types) {
                assertThat(handlers.canHandleType(type)).as(projection.getClass().getSimpleName() + " handles "
                        + type.getSimpleName()).isTrue();
            }
            assertThat(handlers.canHandle(GenericEventMessage.asEventMessage("an event of a type no read model knows")))
                    .as("any payload at all").isTrue();
        }
    }
}
