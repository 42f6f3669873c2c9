package uk.placements.query.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The JSON of the funding ledger, payment schedules and the spend dashboard (docs/funding.md). Sums in pounds. */
public final class LedgerViews {

    private LedgerViews() {
    }

    /** One month of a placement's top-up. {@code basis}: what priced it (a band, bands in order, PROVISION_RATE). */
    public record PlacementMonth(String month, String financialYear, String academicYear, int daysOccupied,
                                 int daysFunded, int unpricedDays, String basis, BigDecimal topUp) {
    }

    public record PlacementLedger(String placementId, String provisionId, LocalDate asOf, List<PlacementMonth> months,
                                  BigDecimal total) {
    }

    public record MonthTotal(String month, BigDecimal topUps, BigDecimal placeFunding, BigDecimal total) {
    }

    public record ProvisionTotal(String provisionId, String name, String type, String urn, BigDecimal topUps,
                                 BigDecimal placeFunding, BigDecimal total) {
    }

    public record Totals(BigDecimal topUps, BigDecimal placeFunding, BigDecimal total) {
    }

    /** The ledger of a financial or academic year: the months up to the month of {@code asOf}. */
    public record YearLedger(String year, String basis, LocalDate asOf, List<MonthTotal> months,
                             List<ProvisionTotal> provisions, Totals totals) {
    }

    public record SchoolSchedule(String urn, String school, int placements, BigDecimal due, BigDecimal adjustments,
                                 BigDecimal total) {
    }

    public record ScheduleTotals(BigDecimal due, BigDecimal adjustments, BigDecimal total) {
    }

    /**
     * A month's payment schedule as at a date: per host school, the top-ups due for the month and the adjustments
     * to earlier months that commands recorded during the month made. {@code provisional} while the month has not
     * ended by {@code asOf}.
     */
    public record Schedule(String month, LocalDate asOf, boolean provisional, List<SchoolSchedule> schools,
                           ScheduleTotals totals) {
    }

    /** {@code actual}: due for a month up to that of asOf; {@code forecast}: committed for a later month. */
    public record SpendMonth(String month, BigDecimal actual, BigDecimal forecast) {
    }

    public record ProvisionSpend(String provisionId, String name, String type, String phase, String urn,
                                 int commissioned, int onRoll, BigDecimal topUps, BigDecimal placeFunding,
                                 BigDecimal total, BigDecimal costPerPupil, int emptyPlaces,
                                 BigDecimal emptyPlacesCost) {
    }

    /** Spend grouped by type, phase or need ({@code key}); by need, place funding is not a pupil's and shows 0. */
    public record GroupSpend(String key, int onRoll, BigDecimal topUps, BigDecimal placeFunding, BigDecimal total,
                             BigDecimal costPerPupil) {
    }

    public record SpendTotals(int onRoll, BigDecimal topUps, BigDecimal placeFunding, BigDecimal total,
                              BigDecimal costPerPupil, BigDecimal emptyPlacesCost) {
    }

    /**
     * Next academic year's place funding: {@code places} commissioned for it (the place-change return's requested
     * places where one was made, else the places commissioned on its first day), at its place rates.
     */
    public record NextYear(String academicYear, int places, BigDecimal placeFunding, int unpricedPlaces) {
    }

    public record Spend(String financialYear, LocalDate asOf, List<SpendMonth> months,
                        List<ProvisionSpend> byProvision, List<GroupSpend> byType, List<GroupSpend> byPhase,
                        List<GroupSpend> byNeed, SpendTotals totals, BigDecimal committedToYearEnd,
                        NextYear nextAcademicYear) {
    }
}
