package uk.placements.shared.funding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;

/** An academic year, 1 September to 31 August, written "2025-26": the period of place funding. */
public record AcademicYear(int startYear) implements Comparable<AcademicYear> {

    public AcademicYear {
        SchoolYear.check(startYear, "academic year");
    }

    @JsonCreator
    public static AcademicYear parse(String text) {
        return new AcademicYear(SchoolYear.parse(text, "academic year"));
    }

    public static AcademicYear of(LocalDate date) {
        return new AcademicYear(SchoolYear.startYearOf(date, 9));
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 9, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 8, 31);
    }

    @Override
    public int compareTo(AcademicYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @JsonValue
    @Override
    public String toString() {
        return SchoolYear.format(startYear);
    }
}
