package uk.placements.query.dashboard;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import uk.placements.query.capacity.CapacityLedgerProjection;
import uk.placements.query.operations.ProjectionOperations;
import uk.placements.shared.dashboard.ProvisionCapacity;
import uk.placements.shared.dashboard.WatchCapacity;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionCommissioned;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The live capacity dashboard: answers {@link WatchCapacity} and pushes a provision's row to its subscribers each
 * time an event changes the provision's figures. Runs in a processing group of its own ("capacity-live", from the
 * head of the stream: there is nobody to tell about the past) and emits only once the capacity ledger, which the
 * figures are read from, has handled the same event, so a subscriber never sees the figures from before the change.
 */
@Component
@ProcessingGroup(LiveCapacity.NAME)
public class LiveCapacity {

    public static final String NAME = "capacity-live";
    private static final Logger log = LoggerFactory.getLogger(LiveCapacity.class);
    /** After this the row is sent anyway: a late row beats none. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(5);

    private final CapacityReader capacity;
    private final QueryUpdateEmitter emitter;
    private final EventProcessingConfiguration processing;
    private final ObjectProvider<ProjectionOperations> operations;
    private final Clock clock;

    public LiveCapacity(CapacityReader capacity, QueryUpdateEmitter emitter, EventProcessingConfiguration processing,
                        ObjectProvider<ProjectionOperations> operations, Clock clock) {
        this.capacity = capacity;
        this.emitter = emitter;
        this.processing = processing;
        this.operations = operations;
        this.clock = clock;
    }

    @QueryHandler
    public List<ProvisionCapacity> handle(WatchCapacity query) {
        return capacity.asAt(LocalDate.now(clock));
    }

    @EventHandler
    @DisallowReplay
    void on(PlaceOffered e, TrackedEventMessage<?> message) {
        changed(e.provisionId(), message);
    }

    @EventHandler
    @DisallowReplay
    void on(OfferDeclined e, TrackedEventMessage<?> message) {
        changed(e.provisionId(), message);
    }

    @EventHandler
    @DisallowReplay
    void on(OfferWithdrawn e, TrackedEventMessage<?> message) {
        changed(e.provisionId(), message);
    }

    @EventHandler
    @DisallowReplay
    void on(PupilAdmitted e, TrackedEventMessage<?> message) {
        changed(e.provisionId(), message);
    }

    @EventHandler
    @DisallowReplay
    void on(MovedToMainstream e, TrackedEventMessage<?> message) {
        changed(e.provisionId(), message);
    }

    @EventHandler
    @DisallowReplay
    void on(PlacementEnded e, TrackedEventMessage<?> message) {
        changed(e.provisionId(), message);
    }

    @EventHandler
    @DisallowReplay
    void on(ProvisionCommissioned e, TrackedEventMessage<?> message) {
        changed(e.provisionId(), message);
    }

    @EventHandler
    @DisallowReplay
    void on(CommissionedPlacesChanged e, TrackedEventMessage<?> message) {
        changed(e.provisionId(), message);
    }

    @EventHandler
    @DisallowReplay
    void on(ProvisionClosed e, TrackedEventMessage<?> message) {
        changed(e.provisionId(), message);
    }

    private void changed(ProvisionId provisionId, TrackedEventMessage<?> message) {
        if (emitter.activeSubscriptions().stream()
                .noneMatch(s -> WatchCapacity.class.getName().equals(s.getQueryName()))) {
            return;
        }
        String id = provisionId.value();
        if (!awaitHandled(CapacityLedgerProjection.NAME, message, id)) {
            return; // stopping: no row, and above all no database access from a thread about to be interrupted
        }
        ProvisionCapacity row = capacity.asAt(LocalDate.now(clock), id);
        if (row != null) {
            emitter.emit(WatchCapacity.class, query -> true, row);
        }
    }

    /**
     * Waits until the segment of {@code readModel} that handles this event (the one whose sequence, the provision
     * for the ledger ({@code ByProvision}), is {@code sequence}) has passed the event. Where that segment is claimed
     * by another query instance (scaled out), until the read model as a whole has passed it, as the token store
     * shows. Returns false, at once, when this group is stopping (the application shuts down) or the thread is
     * interrupted: the caller then leaves the database alone. A thread interrupted inside H2's file I/O closes the
     * database's file channel for every connection (H2 issue 227), and a shutdown interrupts a worker that does not
     * stop within its timeout: this wait, with the ledger's processor already stopped, could run out that timeout and
     * then read the ledger with the interrupt set.
     */
    private boolean awaitHandled(String readModel, TrackedEventMessage<?> message, String sequence) {
        TrackingToken token = message.trackingToken();
        StreamingEventProcessor processor = processing.eventProcessor(readModel, StreamingEventProcessor.class)
                .orElse(null);
        if (processor == null || token == null || token.position().isEmpty()) {
            return !stopping();
        }
        long position = token.position().getAsLong();
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (stopping()) {
                return false;
            }
            List<EventTrackerStatus> here = processor.processingStatus().values().stream()
                    .filter(s -> s.getSegment().matches(sequence)).toList();
            boolean handled = here.isEmpty()
                    ? operations.getObject().position(readModel).orElse(-1) >= position
                    : here.stream().anyMatch(s -> s.getTrackingToken() != null && s.getTrackingToken().covers(token));
            if (handled) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        log.warn("capacity-live: {} had not caught up within {}; sending the row anyway", readModel, CATCH_UP_LIMIT);
        return !stopping();
    }

    /** This group's processor is shutting down, or the thread has been interrupted. */
    private boolean stopping() {
        return Thread.currentThread().isInterrupted() || processing.eventProcessor(NAME, StreamingEventProcessor.class)
                .map(own -> !own.isRunning()).orElse(false);
    }
}
