package uk.placements.app.crash;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the client knows about every command it sent, keyed by its correlation id (also its Idempotency-Key): the
 * final answer, or that every answer was lost with the connection. This is the client's side of the bargain the
 * test checks against the event store.
 */
final class CommandLog {

    /** The events a command of each kind records, on the placement and on the provision (null: none). */
    enum Kind {
        COMMISSION(null, "ProvisionCommissioned"),
        CHANGE_PLACES(null, "CommissionedPlacesChanged"),
        STAFFING(null, "StaffingRecorded"),
        REFER("PupilReferred", null),
        OFFER("PlaceOffered", "PlaceReserved"),
        DECLINE("OfferDeclined", "PlaceReleased"),
        WITHDRAW_OFFER("OfferWithdrawn", "PlaceReleased"),
        ADMIT("PupilAdmitted", null),
        SPLIT("TimeSplitChanged", null),
        MOVE_TO_MAINSTREAM("MovedToMainstream", "PlaceReleased"),
        END("PlacementEnded", "PlaceReleased"),
        WITHDRAW_REFERRAL("ReferralWithdrawn", null);

        final String placementEvent;
        final String provisionEvent;

        Kind(String placementEvent, String provisionEvent) {
            this.placementEvent = placementEvent;
            this.provisionEvent = provisionEvent;
        }

        boolean onProvision() {
            return placementEvent == null;
        }
    }

    enum Outcome { ACKNOWLEDGED, REFUSED, LOST, SERVER_ERROR }

    /**
     * One command: {@code aggregateId} is the aggregate it addressed (for a referral, the id the answer gave; null
     * if that answer was lost); {@code version} the version acknowledged; {@code lostAnswers} how many attempts
     * lost their connection before this outcome (retries reuse the correlation id and Idempotency-Key).
     */
    record Sent(String correlationId, Kind kind, String aggregateId, String provisionId, Outcome outcome,
                int status, long version, int lostAnswers, String body) {
    }

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    void record(Sent command) {
        if (sent.putIfAbsent(command.correlationId(), command) != null) {
            throw new IllegalStateException("correlation id used twice: " + command.correlationId());
        }
    }

    Collection<Sent> all() {
        return sent.values();
    }

    Sent find(String correlationId) {
        return sent.get(correlationId);
    }

    List<Sent> with(Outcome outcome) {
        return sent.values().stream().filter(s -> s.outcome() == outcome).toList();
    }

    long count(Outcome outcome) {
        return with(outcome).size();
    }

    String summary() {
        Map<Outcome, Long> byOutcome = sent.values().stream()
                .collect(Collectors.groupingBy(Sent::outcome, Collectors.counting()));
        long retried = sent.values().stream().filter(s -> s.lostAnswers() > 0 && s.outcome() != Outcome.LOST).count();
        return sent.size() + " commands " + byOutcome + ", " + retried + " answered on a retry after a lost answer";
    }
}
