package uk.placements.shared.funding;

import uk.placements.shared.funding.event.PlaceChangeEvent;
import uk.placements.shared.funding.event.PlaceChangeRecorded;

/**
 * A provision's place-change return for an academic year, folded from its events: the return in force is the last
 * one recorded. {@code version} is the sequence number of the last event (-1 before any).
 */
public record PlaceChangeState(long version, PlaceChangeRecorded latest) {

    public static final PlaceChangeState NONE = new PlaceChangeState(-1, null);

    public static PlaceChangeState fold(Iterable<? extends PlaceChangeEvent> events) {
        PlaceChangeState state = NONE;
        for (PlaceChangeEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public PlaceChangeState evolve(PlaceChangeEvent event) {
        return new PlaceChangeState(version + 1, (PlaceChangeRecorded) event);
    }

    public boolean returned() {
        return latest != null;
    }
}
