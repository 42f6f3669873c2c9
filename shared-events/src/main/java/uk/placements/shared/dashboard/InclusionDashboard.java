package uk.placements.shared.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Inclusion as at a date. Counts and medians over events cover the twelve months up to {@code asOf}: business dates
 * after {@code windowFrom} (= asOf minus 12 months) and on or before {@code asOf}.
 */
public record InclusionDashboard(LocalDate asOf, LocalDate windowFrom, List<ProvisionInclusion> provisions) {

    public InclusionDashboard {
        provisions = List.copyOf(provisions);
    }

    /**
     * @param onRoll                       pupils ADMITTED on asOf
     * @param averageMainstreamPercent     mean mainstream share of the pupils on roll; null when none
     * @param shareAtOrAbove50             Resource Bases only: share (0..1) of pupils on roll at 50% or more
     * @param splitIncreases               time-split increases in the window
     * @param splitDecreases               time-split reductions in the window
     * @param movesToMainstream            moves to full-time mainstream in the window
     * @param medianDaysReferralToOffer    over offers made in the window
     * @param medianDaysOfferToAdmission   over admissions in the window
     * @param adultsPerPupil               staffing in force on asOf; null without staffing or pupils
     * @param qualifiedTeacherPresent      at least one qualified teacher in the staffing in force; null without
     * @param therapyHoursPerPupil         weekly therapy hours per pupil on roll
     */
    public record ProvisionInclusion(String provisionId, String name, String type, String phase, int onRoll,
                                     Double averageMainstreamPercent, Double shareAtOrAbove50, int splitIncreases,
                                     int splitDecreases, int movesToMainstream, Double medianDaysReferralToOffer,
                                     Double medianDaysOfferToAdmission, Integer adults, Integer qualifiedTeachers,
                                     BigDecimal therapyHoursPerWeek, Double adultsPerPupil,
                                     Boolean qualifiedTeacherPresent, Double therapyHoursPerPupil) {
    }
}
