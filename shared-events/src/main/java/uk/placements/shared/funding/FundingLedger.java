package uk.placements.shared.funding;

import uk.placements.shared.funding.event.TopUpAssigned;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The one calculation of money due (docs/funding.md, "The funding ledger"): every reader of top-ups and place funding
 * (the ledger, payment schedules, the spend dashboard and its forecast) calls it; nothing else multiplies a rate by
 * days.
 * <ul>
 * <li><b>Top-up</b> for a placement and a month: for each day of the month the place was occupied (from the day of
 * admission to the day before the pupil left), the annual value in force that day (the assignment in force, by
 * {@link FundingState#inForceOn}, priced by the tariff for that day's financial year); the month's sum of those
 * annual values, divided by 12 and by the number of days in the month, rounded half up to the penny. A whole month
 * is one twelfth of the annual value, in February as in March, in a leap year as in any other; a part month is its
 * share of days.</li>
 * <li><b>Place funding</b> for a provision and a month: the place rate of the provision's type for the month's
 * academic year, times the commissioned places summed over the days of the month, divided by 12 and by the days in
 * the month, rounded half up to the penny.</li>
 * </ul>
 * A month never straddles a financial or academic year (both start on the first of a month), so rounding once per
 * placement and month (or provision and month) is the only rounding. Days with a top-up in force but no value in the
 * tariff for their financial year are counted as unpriced and add nothing.
 */
public final class FundingLedger {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal NOTHING = BigDecimal.ZERO.setScale(Pounds.SCALE);

    private FundingLedger() {
    }

    /** A placement's stay: admitted on {@code admittedOn}, left on {@code leftOn} (null while still there). */
    public record Stay(ProvisionId provisionId, LocalDate admittedOn, LocalDate leftOn) {

        /** The first and the last month with a day occupied; the last is null while the pupil is still there. */
        public YearMonth firstMonth() {
            return YearMonth.from(admittedOn);
        }

        public YearMonth lastMonth() {
            return leftOn == null ? null : YearMonth.from(leftOn.minusDays(1));
        }
    }

    /**
     * One month of a placement's top-up. {@code basis} names what priced it ({@code B2}, {@code B1 > B2} when the
     * band changed in the month, {@code PROVISION_RATE}), null if nothing was in force.
     */
    public record TopUpMonth(YearMonth month, int daysOccupied, int daysFunded, int unpricedDays, String basis,
                             BigDecimal amount) {

        public FinancialYear financialYear() {
            return FinancialYear.of(month.atDay(1));
        }

        public AcademicYear academicYear() {
            return AcademicYear.of(month.atDay(1));
        }
    }

    /**
     * The top-up of every month from {@code first} to {@code last} (both included) in which the place was occupied,
     * in order. Months without an occupied day are left out.
     */
    public static List<TopUpMonth> topUps(Stay stay, FundingState funding, TariffState tariff, YearMonth first,
                                          YearMonth last) {
        YearMonth from = stay.firstMonth().isAfter(first) ? stay.firstMonth() : first;
        YearMonth lastOccupied = stay.lastMonth();
        YearMonth to = lastOccupied != null && lastOccupied.isBefore(last) ? lastOccupied : last;
        List<TopUpMonth> months = new ArrayList<>(
                Math.max(0, (int) from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1));
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            TopUpMonth m = topUp(stay, funding, tariff, month);
            if (m.daysOccupied() > 0) {
                months.add(m);
            }
        }
        return months;
    }

    /** The top-up of one month (zero days and nothing due if the place was not occupied in it). */
    public static TopUpMonth topUp(Stay stay, FundingState funding, TariffState tariff, YearMonth month) {
        // Days as epoch days: a schedule computes this for every month of every placement whose facts changed
        // (millions of months in a migration's first schedule), and each LocalDate, iterator and list made here
        // was most of what that schedule allocated.
        LocalDate first = month.atDay(1);
        long monthStart = first.toEpochDay();
        long monthEnd = monthStart + month.lengthOfMonth(); // the first day after the month
        long start = Math.max(stay.admittedOn().toEpochDay(), monthStart);
        long end = stay.leftOn() == null ? monthEnd : Math.min(stay.leftOn().toEpochDay(), monthEnd);
        if (start >= end) {
            return new TopUpMonth(month, 0, 0, 0, null, NOTHING);
        }
        // The days from start (included) to end (excluded) split where another assignment takes effect: the cuts
        // between start and end sorted in place, a cut met twice giving a span of no days, skipped.
        List<TopUpAssigned> assignments = funding.assignments();
        long[] cuts = new long[assignments.size() + 2];
        int n = 0;
        cuts[n++] = start;
        for (int i = 0; i < assignments.size(); i++) {
            long from = assignments.get(i).effectiveFrom().toEpochDay();
            if (from > start && from < end) {
                cuts[n++] = from;
            }
        }
        java.util.Arrays.sort(cuts, 1, n);
        cuts[n++] = end;
        FinancialYear year = FinancialYear.of(first); // a month never straddles a financial year
        BigDecimal annualDays = BigDecimal.ZERO; // the sum over the days funded of the annual value in force
        int funded = 0;
        int unpriced = 0;
        String basis = null; // what priced the days; with more than one, each once in order: "B1 > B2"
        List<String> bases = null;
        for (int i = 0; i + 1 < n; i++) {
            int days = (int) (cuts[i + 1] - cuts[i]);
            TopUpAssigned a = days == 0 ? null : funding.inForceOnDay(cuts[i]);
            if (a == null) {
                continue;
            }
            String name = a.basis() == TopUpBasis.BAND ? a.band().value() : a.basis().name();
            if (basis == null) {
                basis = name;
            } else if (bases == null ? !basis.equals(name) : !bases.contains(name)) {
                if (bases == null) {
                    bases = new ArrayList<>(List.of(basis));
                }
                bases.add(name);
            }
            BigDecimal value = tariff.topUpIn(a.basis(), a.band(), stay.provisionId(), year);
            if (value == null) {
                unpriced += days;
                continue;
            }
            funded += days;
            annualDays = annualDays.add(value.multiply(BigDecimal.valueOf(days)));
        }
        BigDecimal amount = annualDays.divide(TWELVE.multiply(BigDecimal.valueOf(month.lengthOfMonth())),
                Pounds.SCALE, RoundingMode.HALF_UP);
        return new TopUpMonth(month, (int) (end - start), funded, unpriced,
                bases == null ? basis : String.join(" > ", bases), amount);
    }

    /**
     * Place funding for one month: {@code perPlace} a year for each commissioned place, {@code placeDays} being the
     * commissioned places summed over the days of the month.
     */
    public static BigDecimal placeFunding(YearMonth month, BigDecimal perPlace, long placeDays) {
        return perPlace.multiply(BigDecimal.valueOf(placeDays))
                .divide(TWELVE.multiply(BigDecimal.valueOf(month.lengthOfMonth())), Pounds.SCALE,
                        RoundingMode.HALF_UP);
    }

    /** The sum of {@code values}, in pounds and pence. */
    public static BigDecimal sum(Iterable<BigDecimal> values) {
        BigDecimal total = BigDecimal.ZERO.setScale(Pounds.SCALE);
        for (BigDecimal value : values) {
            total = total.add(value);
        }
        return total;
    }
}
