package uk.placements.query.operations;

import org.axonframework.eventhandling.EventHandler;

/**
 * What every read model's projection shares: it handles every event, those it records nothing for included.
 *
 * <p>Axon's pooled processor tells the event stream to stop sending a payload type that no handler of the processor
 * handles, and Axon Server then leaves those events out of the stream altogether: the processor's position stops at
 * the last event it handles. With such events last in the store, a rebuild waited for the head until an unrelated
 * event came (90 s to 622 s seen in the {@code axonserver} mode) and the read model showed a lag for ever. Handling
 * every event, even by doing nothing, keeps every event in the stream, so the position reaches the head in both modes.
 * (Axon calls the most specific handler of a class, so this one only receives what no other handler takes.)
 */
public abstract class ReadModelProjection {

    @EventHandler
    protected void passOver(Object event) {
        // nothing to record for this event: its position is all this read model takes from it
    }
}
