package uk.placements.query.scap;

import uk.placements.edge.web.InvalidField;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The dates of the SCAP endpoints (docs/returns.md, "SCAP"). */
public final class ScapDates {

    private ScapDates() {
    }

    /** SCAP counts specialist capacity as at 1 May: this year's until it has passed, then next year's. */
    public static LocalDate nextCapacityDay(LocalDate today) {
        LocalDate thisYear = LocalDate.of(today.getYear(), 5, 1);
        return today.isAfter(thisYear) ? thisYear.plusYears(1) : thisYear;
    }

    /** {@code asOf} of the capacity return: a date from 2000 to 2099, default the coming 1 May. */
    public static LocalDate capacityDay(String asOf, LocalDate today) {
        return asOf == null || asOf.isBlank() ? nextCapacityDay(today) : date(asOf);
    }

    /** {@code asOf} of the forecast: default today, never after it (a forecast reads the history up to its date). */
    public static LocalDate forecastDay(String asOf, LocalDate today) {
        if (asOf == null || asOf.isBlank()) {
            return today;
        }
        LocalDate day = date(asOf);
        if (day.isAfter(today)) {
            throw new InvalidField("asOf", "must not be after today: a forecast starts from the history up to its "
                    + "date");
        }
        return day;
    }

    private static LocalDate date(String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField("asOf", "must be a date such as 2027-05-01");
        }
        if (day.getYear() < 2000 || day.getYear() > 2099) {
            throw new InvalidField("asOf", "must be a date from 2000-01-01 to 2099-12-31");
        }
        return day;
    }
}
