package uk.placements.command.provision.domain;

import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.Rule;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordBaseLead;
import uk.placements.shared.provision.command.RecordBaseModel;
import uk.placements.shared.provision.command.RecordQualifiedTeacherAccess;
import uk.placements.shared.provision.command.RecordStaffing;
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
import uk.placements.shared.placement.OfferRules;
import uk.placements.shared.provision.ProvisionState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static uk.placements.command.placement.domain.RuleViolation.require;

/**
 * The provision rules of DOMAIN.md as pure functions: R-PROVISION-OPEN, R-CAPACITY, R-RELEASE, R-PLACES-CHANGE,
 * R-CLOSE, and the inclusion bases' R-BASE-DATE and R-BASE-HOURS (docs/inclusion-bases.md).
 */
public final class ProvisionDecisions {

    public static final int MAX_PLACES = 500;
    /** A school week's most hours that R-BASE-HOURS accepts, for a base's pupils and for their mainstream peers. */
    public static final BigDecimal MAX_WEEKLY_HOURS = BigDecimal.valueOf(40);

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

    /** R-BASE-DATE: the provision is a base of this model from a date on or after it opened. */
    public static BaseModelRecorded recordBaseModel(ProvisionState s, RecordBaseModel c) {
        requireOpen(s, "record the base model");
        if (c.baseModel() == null) {
            throw new IllegalArgumentException("a base model is SUPPORT or SPECIALIST");
        }
        requireOnOrAfterOpening(s, c.effectiveFrom(), "a base model");
        return new BaseModelRecorded(s.id(), c.baseModel(), c.effectiveFrom());
    }

    /**
     * R-BASE-DATE: the qualified teacher with day-to-day responsibility is named from a date on or after the
     * provision opened; without a name the post is vacant from that date.
     */
    public static ProvisionEvent recordBaseLead(ProvisionState s, RecordBaseLead c) {
        requireOpen(s, "record the base's lead teacher");
        requireOnOrAfterOpening(s, c.effectiveFrom(), "the base's lead teacher");
        if (c.teacherName() == null) {
            return new BaseLeadVacant(s.id(), c.effectiveFrom());
        }
        if (c.teacherName().isBlank()) {
            throw new IllegalArgumentException("a lead teacher has a name, or the post is vacant");
        }
        return new BaseLeadAppointed(s.id(), c.teacherName().strip(), c.effectiveFrom());
    }

    /**
     * R-BASE-DATE and R-BASE-HOURS: pupils' weekly hours with a qualified teacher are 0 to 40, their mainstream
     * peers' more than 0 and at most 40 (a school week), from a date on or after the provision opened.
     */
    public static QualifiedTeacherAccessRecorded recordQualifiedTeacherAccess(ProvisionState s,
                                                                            RecordQualifiedTeacherAccess c) {
        requireOpen(s, "record pupils' access to a qualified teacher");
        requireOnOrAfterOpening(s, c.effectiveFrom(), "pupils' access to a qualified teacher");
        BigDecimal hours = c.hoursPerWeek();
        BigDecimal peers = c.mainstreamPeerHoursPerWeek();
        require(hours != null && hours.signum() >= 0 && hours.compareTo(MAX_WEEKLY_HOURS) <= 0, Rule.BASE_HOURS,
                "pupils' weekly hours with a qualified teacher are 0 to " + MAX_WEEKLY_HOURS);
        require(peers != null && peers.signum() > 0 && peers.compareTo(MAX_WEEKLY_HOURS) <= 0, Rule.BASE_HOURS,
                "mainstream peers' weekly hours with a qualified teacher are more than 0 and at most "
                        + MAX_WEEKLY_HOURS);
        // kept to one decimal, as the read model keeps them
        return new QualifiedTeacherAccessRecorded(s.id(), hours.setScale(1, RoundingMode.HALF_UP),
                peers.setScale(1, RoundingMode.HALF_UP), c.effectiveFrom());
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

    private static void requireOnOrAfterOpening(ProvisionState s, LocalDate effectiveFrom, String what) {
        if (effectiveFrom == null) {
            throw new IllegalArgumentException(what + " has the date it takes effect from");
        }
        require(s.openedOn() == null || !effectiveFrom.isBefore(s.openedOn()), Rule.BASE_DATE,
                what + " takes effect on or after the day the provision opened (" + s.openedOn() + ")");
    }

    private static void requireOpen(ProvisionState s, String action) {
        require(s.status() == ProvisionStatus.OPEN, Rule.STATE, "cannot " + action + ": the provision is closed");
    }
}
