package uk.placements.query.returns;

import uk.placements.edge.web.InvalidField;
import uk.placements.edge.web.PlausibleDate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;

/**
 * The window of the SEN2 placements module (docs/returns.md): the return is taken as at its census day, the third
 * Thursday of January (as the spring school census: 15 January 2026, 21 January 2027), and its placements module
 * holds every placement of the collection year, the calendar year before the census day, and those open on census
 * day itself. So a placement is in the window when it began on or before the census day and had not ended before
 * 1 January of the collection year.
 *
 * @param censusDay the day the return is as at; placements beginning after it are left out, leaving dates after
 *                  it are not yet known to the return
 * @param from      the first day of the collection window (1 January of the collection year unless asked otherwise)
 */
public record Sen2Census(LocalDate censusDay, LocalDate from) {

    /** The third Thursday of January of {@code year}. */
    public static LocalDate censusDayOf(int year) {
        return LocalDate.of(year, 1, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.THURSDAY));
    }

    /**
     * The census day a return is prepared for on {@code today}: this January's if it has not passed, otherwise next
     * January's. A return already sent is asked for by its date.
     */
    public static LocalDate nextCensusDay(LocalDate today) {
        LocalDate thisYear = censusDayOf(today.getYear());
        return today.isAfter(thisYear) ? censusDayOf(today.getYear() + 1) : thisYear;
    }

    /**
     * The window asked for: {@code censusDate} (default {@link #nextCensusDay}) and {@code from} (default 1 January
     * of the year before the census day's), each an ISO date from 2000 to 2099, {@code from} not after the census day.
     */
    public static Sen2Census of(String censusDate, String from, LocalDate today) {
        LocalDate census = censusDate == null || censusDate.isBlank() ? nextCensusDay(today)
                : date("censusDate", censusDate);
        LocalDate start = from == null || from.isBlank() ? LocalDate.of(census.getYear() - 1, 1, 1)
                : date("from", from);
        if (start.isAfter(census)) {
            throw new InvalidField("from", "must be on or before the census date");
        }
        return new Sen2Census(census, start);
    }

    private static LocalDate date(String field, String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date such as 2027-01-21");
        }
        if (day.isBefore(PlausibleDate.EARLIEST) || day.isAfter(PlausibleDate.LATEST)) {
            throw new InvalidField(field, "must be a date from 2000-01-01 to 2099-12-31");
        }
        return day;
    }
}
