package uk.placements.command.funding.domain;

import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.provision.HostSchool;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.ProvisionEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the place-change return needs of a provision: whether it exists, when it opened and closed, and its
 * commissioned places by effective date. Folded from the provision's events; pure. The places on a day are those
 * of the change with the latest effective date on or before it (of two from the same day, the one recorded later),
 * as the capacity ledger reads them; none before the provision opened.
 */
public record ProvisionPlaces(ProvisionId id, ProvisionType type, HostSchool hostSchool, LocalDate openedOn,
                              LocalDate closedOn, List<Places> changes) {

    public static final ProvisionPlaces NONE = new ProvisionPlaces(null, null, null, null, null, List.of());

    /** Places from a date, in the order they were recorded. */
    public record Places(LocalDate from, int places) {
    }

    public static ProvisionPlaces fold(Iterable<? extends ProvisionEvent> events) {
        ProvisionPlaces state = NONE;
        for (ProvisionEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public ProvisionPlaces evolve(ProvisionEvent event) {
        if (event instanceof ProvisionCommissioned e) {
            return new ProvisionPlaces(e.provisionId(), e.type(), e.hostSchool(), e.openedOn(), null,
                    List.of(new Places(e.openedOn(), e.commissionedPlaces())));
        }
        if (event instanceof CommissionedPlacesChanged e) {
            List<Places> all = new ArrayList<>(changes);
            all.add(new Places(e.effectiveFrom(), e.commissionedPlaces()));
            return new ProvisionPlaces(id, type, hostSchool, openedOn, closedOn, List.copyOf(all));
        }
        if (event instanceof ProvisionClosed e) {
            return new ProvisionPlaces(id, type, hostSchool, openedOn, e.closedOn(), changes);
        }
        return this;
    }

    public boolean exists() {
        return id != null;
    }

    /** Commissioned places on {@code day}: 0 before the provision opened. */
    public int placesOn(LocalDate day) {
        Places found = null;
        for (Places p : changes) {
            if (!p.from().isAfter(day) && (found == null || !p.from().isBefore(found.from()))) {
                found = p;
            }
        }
        return found == null ? 0 : found.places();
    }

    /** Known and not closed on or before {@code day} (one commissioned to open later counts: it will be open). */
    public boolean openOn(LocalDate day) {
        return exists() && (closedOn == null || closedOn.isAfter(day));
    }
}
