package uk.placements.command.funding.domain;

import uk.placements.shared.provision.ProvisionState;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionEvent;

import java.time.LocalDate;

/**
 * What the place-change return needs of a provision: the provision as its own fold ({@link ProvisionState}, the one
 * code that knows how an event changes a provision, commissioned places by effective date included) and the day it
 * closed, which that fold does not keep. Pure.
 */
public record ProvisionPlaces(ProvisionState provision, LocalDate closedOn) {

    public static final ProvisionPlaces NONE = new ProvisionPlaces(ProvisionState.NONE, null);

    public static ProvisionPlaces fold(Iterable<? extends ProvisionEvent> events) {
        ProvisionPlaces state = NONE;
        for (ProvisionEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public ProvisionPlaces evolve(ProvisionEvent event) {
        return new ProvisionPlaces(provision.evolve(event),
                event instanceof ProvisionClosed closed ? closed.closedOn() : closedOn);
    }

    public boolean exists() {
        return provision.id() != null;
    }

    /** Commissioned places on {@code day}: 0 before the provision opened ({@link ProvisionState#placesOn}). */
    public int placesOn(LocalDate day) {
        return provision.placesOn(day);
    }

    /** Known and not closed on or before {@code day} (one commissioned to open later counts: it will be open). */
    public boolean openOn(LocalDate day) {
        return exists() && (closedOn == null || closedOn.isAfter(day));
    }
}
