package uk.placements.command.provision.domain;

import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.Rule;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordStaffing;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.PlaceReleased;
import uk.placements.shared.provision.event.PlaceReserved;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.StaffingRecorded;
import uk.placements.shared.placement.OfferRules;
import uk.placements.shared.provision.ProvisionState;

import java.util.Optional;
import java.util.Set;

import static uk.placements.command.placement.domain.RuleViolation.require;

/** The provision rules of DOMAIN.md as pure functions: R-PROVISION-OPEN, R-CAPACITY, R-RELEASE, R-PLACES-CHANGE, R-CLOSE. */
public final class ProvisionDecisions {

    public static final int MAX_PLACES = 500;

    private ProvisionDecisions() {
    }

    public static ProvisionCommissioned commission(CommissionProvision c) {
        if (c.lowestYear() > c.highestYear()) {
            throw new IllegalArgumentException("the lowest year group cannot be above the highest");
        }
        if (c.designatedNeeds() == null || c.designatedNeeds().isEmpty()) {
            throw new IllegalArgumentException("a provision designates at least one need");
        }
        if (c.commissionedPlaces() < 1 || c.commissionedPlaces() > MAX_PLACES) {
            throw new IllegalArgumentException("commissioned places are 1 to " + MAX_PLACES);
        }
        return new ProvisionCommissioned(c.provisionId(), c.name().strip(), c.type(), c.hostSchool(), c.phase(),
                c.lowestYear(), c.highestYear(), Set.copyOf(c.designatedNeeds()), c.commissionedPlaces(),
                c.openedOn());
    }

    /**
     * Empty when the number does not change on the change's effective date: the places in force then ({@link
     * ProvisionState#placesOn}), not those of the last change recorded, which a back-dated change may not meet.
     * The event's {@code previousPlaces} are those it replaces from its date. Going below places taken is allowed:
     * places are not taken from pupils.
     */
    public static Optional<CommissionedPlacesChanged> changePlaces(ProvisionState s, ChangeCommissionedPlaces c) {
        requireOpen(s, "change commissioned places");
        if (c.commissionedPlaces() < 1 || c.commissionedPlaces() > MAX_PLACES) {
            throw new IllegalArgumentException("commissioned places are 1 to " + MAX_PLACES);
        }
        if (c.effectiveFrom() == null) {
            throw new IllegalArgumentException("a change of commissioned places has the date it takes effect from");
        }
        int inForce = s.placesOn(c.effectiveFrom());
        if (c.commissionedPlaces() == inForce) {
            return Optional.empty();
        }
        require(c.reason() != null && !c.reason().isBlank(), Rule.PLACES_CHANGE,
                "changing commissioned places needs a reason");
        return Optional.of(new CommissionedPlacesChanged(s.id(), inForce, c.commissionedPlaces(),
                s.placesTaken(), c.effectiveFrom(), c.reason().strip()));
    }

    public static StaffingRecorded recordStaffing(ProvisionState s, RecordStaffing c) {
        requireOpen(s, "record staffing");
        return new StaffingRecorded(s.id(), c.adults(), c.qualifiedTeachers(), c.therapyHoursPerWeek(),
                c.effectiveFrom());
    }

    public static ProvisionClosed close(ProvisionState s, CloseProvision c) {
        requireOpen(s, "close the provision");
        require(s.placesTaken() == 0, Rule.CLOSE, "a provision closes only with no pupils on roll and no offers "
                + "outstanding; " + s.placesTaken() + " places are taken");
        return new ProvisionClosed(s.id(), c.closedOn(), c.reason());
    }

    /**
     * R-PROVISION-OPEN and R-CAPACITY. Without an over-capacity decision, places taken never exceed commissioned
     * places; with one, the decision is recorded in the event. A decision that is not needed is not recorded.
     */
    public static PlaceReserved reserve(ProvisionState s, ReservePlace c) {
        refuse(OfferRules.provisionOpen(s.status()));
        require(!s.placesHeld().contains(c.placementId()), Rule.STATE, "this placement already holds a place here");
        int taken = s.placesTaken() + 1;
        boolean over = taken > s.commissionedPlaces();
        refuse(OfferRules.capacity(taken, s.commissionedPlaces(), c.overCapacityDecision() != null));
        return new PlaceReserved(s.id(), c.placementId(), c.on(), taken, s.commissionedPlaces(),
                over ? c.overCapacityDecision() : null);
    }

    /** R-RELEASE: the place is free at once. Releasing a place not held records nothing. */
    public static Optional<PlaceReleased> release(ProvisionState s, ReleasePlace c) {
        if (!s.placesHeld().contains(c.placementId())) {
            return Optional.empty();
        }
        return Optional.of(new PlaceReleased(s.id(), c.placementId(), c.on(), c.cause(), s.placesTaken() - 1));
    }

    private static void refuse(Optional<OfferRules.Breach> breach) {
        breach.ifPresent(b -> {
            throw new RuleViolation(b.rule(), b.message());
        });
    }

    private static void requireOpen(ProvisionState s, String action) {
        require(s.status() == ProvisionStatus.OPEN, Rule.STATE, "cannot " + action + ": the provision is closed");
    }
}
