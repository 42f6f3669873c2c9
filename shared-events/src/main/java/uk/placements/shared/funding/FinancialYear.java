package uk.placements.shared.funding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;

/** A financial year, 1 April to 31 March, written "2025-26": the period of top-up band values. */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    public FinancialYear {
        SchoolYear.check(startYear, "financial year");
    }

    @JsonCreator
    public static FinancialYear parse(String text) {
        return new FinancialYear(SchoolYear.parse(text, "financial year"));
    }

    public static FinancialYear of(LocalDate date) {
        return new FinancialYear(SchoolYear.startYearOf(date, 4));
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @JsonValue
    @Override
    public String toString() {
        return SchoolYear.format(startYear);
    }
}
