package uk.placements.shared.dashboard;

import java.time.LocalDate;
import java.util.Objects;

/** A report as at a date, read from the reporting views. */
public record GetReport(Kind kind, LocalDate asOf) {

    public enum Kind { PLACEMENTS, CAPACITY }

    public GetReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asOf, "asOf");
    }
}
