package uk.placements.shared.funding;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The "2025-26" way of writing a year that starts in one calendar year and ends in the next. */
final class SchoolYear {

    private static final Pattern FORMAT = Pattern.compile("(20[0-9]{2})-([0-9]{2})");

    private SchoolYear() {
    }

    static int parse(String text, String what) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != (Integer.parseInt(m.group(1)) + 1) % 100) {
            throw new IllegalArgumentException("a " + what + " is written like 2025-26");
        }
        return Integer.parseInt(m.group(1));
    }

    static String format(int startYear) {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }

    static void check(int startYear, String what) {
        if (startYear < 2000 || startYear > 2098) {
            throw new IllegalArgumentException("a " + what + " starts between 2000 and 2098");
        }
    }

    static int startYearOf(LocalDate date, int firstMonth) {
        return date.getMonthValue() >= firstMonth ? date.getYear() : date.getYear() - 1;
    }
}
