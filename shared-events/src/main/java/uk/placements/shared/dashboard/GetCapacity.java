package uk.placements.shared.dashboard;

import java.time.LocalDate;
import java.util.Objects;

/** Capacity of every provision open on {@code asOf}, with totals by type, phase and designated need. */
public record GetCapacity(LocalDate asOf) {
    public GetCapacity {
        Objects.requireNonNull(asOf, "asOf");
    }
}
