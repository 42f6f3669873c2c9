package uk.placements.shared.dashboard;

import java.time.LocalDate;
import java.util.Objects;

/** Inclusion, waiting times and staffing of every provision open on {@code asOf}. */
public record GetInclusion(LocalDate asOf) {
    public GetInclusion {
        Objects.requireNonNull(asOf, "asOf");
    }
}
