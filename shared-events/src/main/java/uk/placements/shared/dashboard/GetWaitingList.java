package uk.placements.shared.dashboard;

import java.time.LocalDate;
import java.util.Objects;

/** Referrals without an offer (status REFERRED) on {@code asOf}, by primary need and year group. */
public record GetWaitingList(LocalDate asOf) {
    public GetWaitingList {
        Objects.requireNonNull(asOf, "asOf");
    }
}
