package uk.placements.query.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code asOf} parameter of dashboards and reports: an ISO date, today (the clock's zone) when absent. */
public final class AsOf {

    private AsOf() {
    }

    /** @throws IllegalArgumentException (400 problem details) when the value is not an ISO date */
    public static LocalDate parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf must be a date such as 2026-05-01");
        }
    }
}
