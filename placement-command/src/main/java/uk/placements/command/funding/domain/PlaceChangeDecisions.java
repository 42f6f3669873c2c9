package uk.placements.command.funding.domain;

import uk.placements.command.provision.domain.ProvisionDecisions;
import uk.placements.shared.common.Rule;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.PlaceChangeReason;
import uk.placements.shared.funding.PlaceChangeState;
import uk.placements.shared.funding.command.RecordPlaceChange;
import uk.placements.shared.funding.event.PlaceChangeRecorded;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import static uk.placements.command.placement.domain.RuleViolation.require;

/**
 * The place-change return's rules as a pure function (docs/funding.md, "The place-change return"):
 * <ul>
 * <li>R-PLACE-CHANGE-YEAR: a return is for the next academic year, the one after the academic year of the day it is
 * recorded (the DfE collects in the autumn the places from the following September);</li>
 * <li>R-PLACE-CHANGE-OPEN: the provision is not closed on or before the first day of that year;</li>
 * <li>R-PLACE-CHANGE-REASON: places that change name the reason for change (OTHER with a note), and places that do
 * not change name none;</li>
 * <li>R-NIL-RETURN: a nil return keeps this academic year's places (those on 1 September) and names no reason;</li>
 * <li>R-PLACE-CHANGE-CORRECTION: one return per provision and year; a different one replaces it as a correction,
 * which needs a reason and keeps what it replaced. The same return again records nothing.</li>
 * </ul>
 * "This academic year's places" are the provision's commissioned places on 1 September of the academic year the
 * return is made in. A request for exactly those places is recorded as a nil return.
 */
public final class PlaceChangeDecisions {

    private PlaceChangeDecisions() {
    }

    /** Empty when the return asked for is the one already recorded. */
    public static Optional<PlaceChangeRecorded> record(PlaceChangeState s, RecordPlaceChange c,
                                                       ProvisionPlaces provision, LocalDate today) {
        if (c.provisionId() == null || c.academicYear() == null) {
            throw new IllegalArgumentException("a return names its provision and academic year");
        }
        if (!c.nilReturn() && c.places() == null) {
            throw new IllegalArgumentException("a return names the places it asks for, or is a nil return");
        }
        if (c.places() != null && (c.places() < 0 || c.places() > ProvisionDecisions.MAX_PLACES)) {
            throw new IllegalArgumentException("places are 0 to " + ProvisionDecisions.MAX_PLACES);
        }
        AcademicYear now = AcademicYear.of(today);
        AcademicYear next = new AcademicYear(now.startYear() + 1);
        require(c.academicYear().equals(next), Rule.PLACE_CHANGE_YEAR, "a place-change return recorded on " + today
                + " is for the next academic year, " + next + ", not " + c.academicYear());
        require(provision.openOn(c.academicYear().firstDay()), Rule.PLACE_CHANGE_OPEN, "the provision closed on "
                + provision.closedOn() + ": it makes no return for " + c.academicYear());
        int current = provision.placesOn(now.firstDay());
        String note = text(c.note());
        int requested;
        boolean nil;
        if (c.nilReturn()) {
            require(c.places() == null || c.places() == current, Rule.NIL_RETURN, "a nil return keeps the "
                    + current + " places of " + now + "; ask for " + c.places() + " places as a change instead");
            require(c.reason() == null, Rule.NIL_RETURN, "a nil return changes nothing, so it has no reason for "
                    + "change");
            requested = current;
            nil = true;
        } else {
            requested = c.places();
            nil = requested == current;
            require(!nil || c.reason() == null, Rule.PLACE_CHANGE_REASON, requested + " places are the places of "
                    + now + ": that is a nil return, which has no reason for change");
            require(nil || c.reason() != null, Rule.PLACE_CHANGE_REASON, "changing " + current + " places to "
                    + requested + " needs a reason for change");
            require(c.reason() != PlaceChangeReason.OTHER || note != null, Rule.PLACE_CHANGE_REASON,
                    "the reason for change OTHER needs a note saying what it is");
        }
        PlaceChangeReason reason = nil ? null : c.reason();
        PlaceChangeRecorded before = s.latest();
        if (before != null && before.requestedPlaces() == requested && before.nilReturn() == nil
                && before.reason() == reason && Objects.equals(before.note(), note)) {
            return Optional.empty();
        }
        String correction = text(c.correction());
        if (before != null) {
            require(correction != null, Rule.PLACE_CHANGE_CORRECTION, "the provision's return for "
                    + c.academicYear() + " is already recorded (" + before.requestedPlaces() + " places); replacing "
                    + "it needs a reason for the correction");
        }
        return Optional.of(new PlaceChangeRecorded(c.provisionId(), c.academicYear(), current, requested, nil, reason,
                note, before != null, before == null ? null : before.requestedPlaces(),
                before == null ? null : before.reason(), before == null ? null : correction));
    }

    private static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
