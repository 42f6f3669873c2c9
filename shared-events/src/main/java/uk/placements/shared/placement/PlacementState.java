package uk.placements.shared.placement;

import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.placement.event.ReferralWithdrawn;
import uk.placements.shared.placement.event.TimeSplitChanged;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/**
 * What the rules need to know about one placement, folded from its events by {@link #evolve}. The fold is pure:
 * the aggregate and the audit "as known on" reader share it. {@code version} is the sequence number of the last
 * event folded in (0 after the referral), which is Axon's aggregate version.
 */
public record PlacementState(
        PlacementId id,
        long version,
        PupilId pupilId,
        PlacementStatus status,
        int yearGroup,
        NeedCode primaryNeed,
        EhcpStatus ehcpStatus,
        ProvisionType requestedType,
        ProvisionId provisionId,
        ProvisionType provisionType,
        Integer mainstreamPercent,
        boolean outsideDesignatedNeed,
        LocalDate referredOn,
        LocalDate lastBusinessDate) {

    /** The state before any event: nothing exists yet. */
    public static final PlacementState NONE = new PlacementState(
            null, -1, null, null, 0, null, null, null, null, null, null, false, null, null);

    public static PlacementState fold(Iterable<? extends PlacementEvent> events) {
        PlacementState state = NONE;
        for (PlacementEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public PlacementState evolve(PlacementEvent event) {
        long next = version + 1;
        if (event instanceof PupilReferred e) {
            return new PlacementState(e.placementId(), next, e.pupilId(), PlacementStatus.REFERRED, e.yearGroup(),
                    e.primaryNeed(), e.ehcpStatus(), e.requestedType(), null, null, null, false,
                    e.referredOn(), e.referredOn());
        }
        if (event instanceof PlaceOffered e) {
            return with(next, PlacementStatus.OFFERED, e.provisionId(), e.provisionType(), null,
                    e.outsideDesignatedNeed(), e.offeredOn());
        }
        if (event instanceof OfferDeclined e) {
            return with(next, PlacementStatus.REFERRED, null, null, null, false, e.on());
        }
        if (event instanceof OfferWithdrawn e) {
            return with(next, PlacementStatus.REFERRED, null, null, null, false, e.on());
        }
        if (event instanceof PupilAdmitted e) {
            return with(next, PlacementStatus.ADMITTED, provisionId, provisionType, e.mainstreamPercent(),
                    outsideDesignatedNeed, e.admittedOn());
        }
        if (event instanceof TimeSplitChanged e) {
            return with(next, status, provisionId, provisionType, e.mainstreamPercent(), outsideDesignatedNeed,
                    e.effectiveFrom());
        }
        if (event instanceof MovedToMainstream e) {
            return with(next, PlacementStatus.MOVED_TO_MAINSTREAM, provisionId, provisionType, 100,
                    outsideDesignatedNeed, e.effectiveFrom());
        }
        if (event instanceof PlacementEnded e) {
            return with(next, PlacementStatus.ENDED, provisionId, provisionType, mainstreamPercent,
                    outsideDesignatedNeed, e.effectiveFrom());
        }
        if (event instanceof ReferralWithdrawn e) {
            return with(next, PlacementStatus.WITHDRAWN, null, null, null, false, e.on());
        }
        throw new IllegalArgumentException("unknown placement event " + event.getClass().getName());
    }

    /**
     * The share of the week in mainstream that the provision agreed last: {@link #mainstreamPercent} of
     * {@code after}, except that a move to mainstream, which this fold records as 100, keeps the split the pupil
     * left the provision with. The read models show that split (the caseload, the history and the reports).
     *
     * @param before the state before an event
     * @param after  {@code before} evolved by that event
     */
    public static Integer splitInProvision(PlacementState before, PlacementState after) {
        return after.status == PlacementStatus.MOVED_TO_MAINSTREAM ? before.mainstreamPercent : after.mainstreamPercent;
    }

    /** The business date of an event: "what was true when", as opposed to when it was recorded. */
    public static LocalDate businessDate(PlacementEvent event) {
        if (event instanceof PupilReferred e) {
            return e.referredOn();
        }
        if (event instanceof PlaceOffered e) {
            return e.offeredOn();
        }
        if (event instanceof OfferDeclined e) {
            return e.on();
        }
        if (event instanceof OfferWithdrawn e) {
            return e.on();
        }
        if (event instanceof PupilAdmitted e) {
            return e.admittedOn();
        }
        if (event instanceof TimeSplitChanged e) {
            return e.effectiveFrom();
        }
        if (event instanceof MovedToMainstream e) {
            return e.effectiveFrom();
        }
        if (event instanceof PlacementEnded e) {
            return e.effectiveFrom();
        }
        return ((ReferralWithdrawn) event).on();
    }

    private PlacementState with(long nextVersion, PlacementStatus newStatus, ProvisionId provision,
                                ProvisionType type, Integer percent, boolean outsideNeed, LocalDate businessDate) {
        return new PlacementState(id, nextVersion, pupilId, newStatus, yearGroup, primaryNeed, ehcpStatus,
                requestedType, provision, type, percent, outsideNeed, referredOn, businessDate);
    }
}
