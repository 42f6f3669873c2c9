package uk.placements.shared.provision;

import uk.placements.shared.common.BaseModel;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.event.BaseLeadAppointed;
import uk.placements.shared.provision.event.BaseLeadVacant;
import uk.placements.shared.provision.event.BaseModelRecorded;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.PlaceReleased;
import uk.placements.shared.provision.event.PlaceReserved;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.ProvisionEvent;
import uk.placements.shared.provision.event.QualifiedTeacherAccessRecorded;
import uk.placements.shared.provision.event.StaffingRecorded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the provision rules need, folded from its events by a pure {@link #evolve}. {@code placesHeld} are the
 * placements holding a place: offers outstanding plus pupils on roll ("places taken"). {@code commissionedPlaces}
 * are those of the last change recorded; {@code placesByDate} every change (the commissioning's first) by the date
 * it takes effect from, so that the places in force on any date are known ({@link #placesOn}). {@code openedOn} is
 * the date it opened (base facts take effect on or after it, R-BASE-DATE); {@code baseModel} the inclusion-base model
 * of the latest record by effective date ({@code baseModelFrom}), null until one is recorded. The other facts of a
 * base (its lead, its pupils' access to a qualified teacher) decide nothing here: the read side keeps them by date.
 */
public record ProvisionState(
        ProvisionId id,
        long version,
        ProvisionType type,
        Phase phase,
        int lowestYear,
        int highestYear,
        Set<NeedCode> designatedNeeds,
        int commissionedPlaces,
        ProvisionStatus status,
        Set<PlacementId> placesHeld,
        List<PlacesFrom> placesByDate,
        LocalDate openedOn,
        BaseModel baseModel,
        LocalDate baseModelFrom) {

    public static final ProvisionState NONE = new ProvisionState(null, -1, null, null, 0, 0, Set.of(), 0, null,
            Set.of(), List.of(), null, null, null);

    /** Commissioned places set from a date on, until the next change by effective date. */
    public record PlacesFrom(LocalDate from, int places) {
    }

    public ProvisionState {
        placesByDate = placesByDate == null ? List.of() : List.copyOf(placesByDate);
    }

    /**
     * The commissioned places in force on {@code date}: those of the change with the latest effective date on or
     * before it (of two changes from one date, the one recorded later), as the capacity ledger counts them; 0 before
     * the provision opened.
     */
    public int placesOn(LocalDate date) {
        int places = 0;
        for (PlacesFrom change : placesByDate) {
            if (change.from().isAfter(date)) {
                break;
            }
            places = change.places();
        }
        return places;
    }

    public static ProvisionState fold(Iterable<? extends ProvisionEvent> events) {
        ProvisionState state = NONE;
        for (ProvisionEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public int placesTaken() {
        return placesHeld.size();
    }

    public ProvisionProfile profile() {
        return new ProvisionProfile(id, type, status, lowestYear, highestYear, designatedNeeds);
    }

    public ProvisionState evolve(ProvisionEvent event) {
        long next = version + 1;
        if (event instanceof ProvisionCommissioned e) {
            return new ProvisionState(e.provisionId(), next, e.type(), e.phase(), e.lowestYear(), e.highestYear(),
                    Set.copyOf(e.designatedNeeds()), e.commissionedPlaces(), ProvisionStatus.OPEN, Set.of(),
                    List.of(new PlacesFrom(e.openedOn(), e.commissionedPlaces())), e.openedOn(), null, null);
        }
        if (event instanceof CommissionedPlacesChanged e) {
            List<PlacesFrom> byDate = new ArrayList<>(placesByDate);
            int at = 0;
            while (at < byDate.size() && !byDate.get(at).from().isAfter(e.effectiveFrom())) {
                at++;
            }
            byDate.add(at, new PlacesFrom(e.effectiveFrom(), e.commissionedPlaces()));
            return new ProvisionState(id, next, type, phase, lowestYear, highestYear, designatedNeeds,
                    e.commissionedPlaces(), status, placesHeld, byDate, openedOn, baseModel, baseModelFrom);
        }
        if (event instanceof StaffingRecorded) {
            return with(next, commissionedPlaces, status, placesHeld);
        }
        if (event instanceof BaseModelRecorded e) {
            // The model in force now is the latest by effective date: one back-dated behind it is history only.
            if (baseModelFrom != null && baseModelFrom.isAfter(e.effectiveFrom())) {
                return with(next, commissionedPlaces, status, placesHeld);
            }
            return new ProvisionState(id, next, type, phase, lowestYear, highestYear, designatedNeeds,
                    commissionedPlaces, status, placesHeld, placesByDate, openedOn, e.baseModel(), e.effectiveFrom());
        }
        if (event instanceof BaseLeadAppointed || event instanceof BaseLeadVacant
                || event instanceof QualifiedTeacherAccessRecorded) {
            return with(next, commissionedPlaces, status, placesHeld);
        }
        if (event instanceof ProvisionClosed) {
            return with(next, commissionedPlaces, ProvisionStatus.CLOSED, placesHeld);
        }
        if (event instanceof PlaceReserved e) {
            Set<PlacementId> held = new HashSet<>(placesHeld);
            held.add(e.placementId());
            return with(next, commissionedPlaces, status, Set.copyOf(held));
        }
        if (event instanceof PlaceReleased e) {
            Set<PlacementId> held = new HashSet<>(placesHeld);
            held.remove(e.placementId());
            return with(next, commissionedPlaces, status, Set.copyOf(held));
        }
        throw new IllegalArgumentException("unknown provision event " + event.getClass().getName());
    }

    /** The business date of an event: "what was true when", as opposed to when it was recorded. */
    public static LocalDate businessDate(ProvisionEvent event) {
        if (event instanceof ProvisionCommissioned e) {
            return e.openedOn();
        }
        if (event instanceof CommissionedPlacesChanged e) {
            return e.effectiveFrom();
        }
        if (event instanceof StaffingRecorded e) {
            return e.effectiveFrom();
        }
        if (event instanceof ProvisionClosed e) {
            return e.closedOn();
        }
        if (event instanceof PlaceReserved e) {
            return e.on();
        }
        if (event instanceof BaseModelRecorded e) {
            return e.effectiveFrom();
        }
        if (event instanceof BaseLeadAppointed e) {
            return e.effectiveFrom();
        }
        if (event instanceof BaseLeadVacant e) {
            return e.effectiveFrom();
        }
        if (event instanceof QualifiedTeacherAccessRecorded e) {
            return e.effectiveFrom();
        }
        return ((PlaceReleased) event).on();
    }

    private ProvisionState with(long nextVersion, int places, ProvisionStatus newStatus, Set<PlacementId> held) {
        return new ProvisionState(id, nextVersion, type, phase, lowestYear, highestYear, designatedNeeds, places,
                newStatus, held, placesByDate, openedOn, baseModel, baseModelFrom);
    }
}
