package uk.placements.app.scale;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import uk.placements.query.operations.QueryInstances;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A test handler in the caseload processing group of each query instance it is added to: notes every event the
 * instance handles (which, live or replayed, when) and every reset (when, and the event store's head then), in one
 * record for the whole JVM, so a test can tell whether any instance handled a pre-reset event as live after the reset
 * had cleared the tables: a stale write.
 */
@ProcessingGroup("caseload")
public class ReplayWitness {

    record Handled(String instance, long index, boolean replay, long atNanos) {
    }

    record Reset(String instance, long atNanos, long head) {
    }

    private static final Queue<Handled> HANDLED = new ConcurrentLinkedQueue<>();
    private static final Queue<Reset> RESETS = new ConcurrentLinkedQueue<>();

    private final QueryInstances instances;
    private final EventStore eventStore;

    public ReplayWitness(QueryInstances instances, EventStore eventStore) {
        this.instances = instances;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(Object event, TrackedEventMessage<?> message, ReplayStatus status) {
        HANDLED.add(new Handled(instances.id(), message.trackingToken().position().orElse(-1), status.isReplay(),
                System.nanoTime()));
    }

    @ResetHandler
    void reset() {
        RESETS.add(new Reset(instances.id(), System.nanoTime(), eventStore.createHeadToken().position().orElse(0)));
    }

    static List<Handled> handled() {
        return List.copyOf(HANDLED);
    }

    static List<Reset> resets() {
        return List.copyOf(RESETS);
    }

    /** Events at or before the reset's head handled as live after the reset: rows the reset should have prevented. */
    static List<Handled> staleAfter(Reset reset) {
        return handled().stream().filter(h -> h.atNanos() > reset.atNanos() && !h.replay()
                && h.index() <= reset.head()).toList();
    }
}
