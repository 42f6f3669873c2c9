package uk.placements.command.funding.domain;

import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/**
 * What funding needs of a placement: its state (the placement's own fold) and the dates of its place at a
 * provision: offered, admitted, left (moved to mainstream or ended). Folded from the placement's events; pure.
 */
public record PlacementPeriod(PlacementState state, LocalDate offeredOn, LocalDate admittedOn, LocalDate leftOn) {

    public static final PlacementPeriod NONE = new PlacementPeriod(PlacementState.NONE, null, null, null);

    public PlacementPeriod evolve(PlacementEvent event) {
        PlacementState next = state.evolve(event);
        if (event instanceof PlaceOffered e) {
            return new PlacementPeriod(next, e.offeredOn(), null, null);
        }
        if (event instanceof OfferDeclined || event instanceof OfferWithdrawn) {
            return new PlacementPeriod(next, null, null, null);
        }
        if (event instanceof PupilAdmitted e) {
            return new PlacementPeriod(next, offeredOn, e.admittedOn(), null);
        }
        if (event instanceof MovedToMainstream e) {
            return new PlacementPeriod(next, offeredOn, admittedOn, e.effectiveFrom());
        }
        if (event instanceof PlacementEnded e) {
            return new PlacementPeriod(next, offeredOn, admittedOn, e.effectiveFrom());
        }
        return new PlacementPeriod(next, offeredOn, admittedOn, leftOn);
    }

    public boolean exists() {
        return state.id() != null;
    }

    public PlacementStatus status() {
        return state.status();
    }

    /** The provision of its offer or place; null when it has none (referred, withdrawn). */
    public ProvisionId provisionId() {
        return offeredOn == null ? null : state.provisionId();
    }
}
