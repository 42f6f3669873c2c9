package uk.placements.shared.funding;

import uk.placements.shared.funding.event.FundingEvent;
import uk.placements.shared.funding.event.TopUpAssigned;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A placement's top-up assignments folded from its funding events, in the order they were recorded. What is in
 * force on a day is the assignment with the latest {@code effectiveFrom} on or before it; of two from the same day,
 * the one recorded later (a back-dated change overrides what it covers, and is itself overridden by any assignment
 * from a later day). {@code version} is the sequence number of the last event (-1 before any).
 */
public record FundingState(PlacementId placementId, long version, List<TopUpAssigned> assignments) {

    public static final FundingState NONE = new FundingState(null, -1, List.of());

    public static FundingState fold(Iterable<? extends FundingEvent> events) {
        FundingState state = NONE;
        for (FundingEvent event : events) {
            state = state.evolve(event);
        }
        return state;
    }

    public FundingState evolve(FundingEvent event) {
        TopUpAssigned e = (TopUpAssigned) event;
        List<TopUpAssigned> all = new ArrayList<>(assignments);
        all.add(e);
        return new FundingState(e.placementId(), version + 1, List.copyOf(all));
    }

    public Optional<TopUpAssigned> inForceOn(LocalDate date) {
        return Optional.ofNullable(inForceOnDay(date.toEpochDay()));
    }

    /** As {@link #inForceOn}, the day given as its epoch day; null if none is in force. */
    public TopUpAssigned inForceOnDay(long epochDay) {
        TopUpAssigned found = null;
        long foundFrom = Long.MIN_VALUE;
        for (int i = 0; i < assignments.size(); i++) {
            TopUpAssigned a = assignments.get(i);
            long from = a.effectiveFrom().toEpochDay();
            if (from <= epochDay && (found == null || from >= foundFrom)) {
                found = a;
                foundFrom = from;
            }
        }
        return found;
    }
}
