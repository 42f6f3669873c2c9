package uk.placements.query.scap;

import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.YearGroup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The demand forecast for SCAP (docs/returns.md, "SCAP: the demand forecast"): how many pupils will need a specialist
 * place (a Resource Base or SEN Unit), by need and phase, on the same day of each of the next five years, by a
 * cohort method read from the event history up to the forecast's date and nothing after it. Pure: the history and
 * the places come in as values, so the method is tested without a database.
 * <ol>
 *     <li><b>Now.</b> The pupils needing a place on {@code asOf}: every placement referred on or before it and not
 *     left by then (waiting, offered or on roll), with an EHC plan or an assessment under way (a pupil without one
 *     cannot be offered a place, R-EHCP), by primary need and year group on that day (the year group recorded at
 *     referral, one more for each 1 September since).</li>
 *     <li><b>Each year on.</b> Every pupil moves up a year group; a pupil in Year 13 leaves. Of those in a phase, the
 *     share {@code exp(-λ)} stays, where λ is the phase's observed leaving rate (leavers per pupil-year needing a
 *     place in the phase). Of the pupils moving from Year 6 to 7 or 11 to 12, the observed transfer share also
 *     leaves (of the pupils who reached that transfer in the history, those whose placement ended for a phase
 *     transfer).</li>
 *     <li><b>New pupils.</b> Each year adds, by need and year group, the average number of pupils referred in a year
 *     of the history who still needed a place at that year's end (the referral rate net of referrals withdrawn, moved
 *     on or ended within the year).</li>
 *     <li><b>The history used</b> is the last whole years (up to three) before {@code asOf}, or all of it when there
 *     is less than a year. Rates are averages over it: no trend.</li>
 * </ol>
 */
public final class ScapForecast {

    public static final int YEARS_AHEAD = 5;
    /** At most this many years of history set the rates: older casework says less about next year. */
    public static final int MAX_HISTORY_YEARS = 3;
    private static final double DAYS_PER_YEAR = 365.25;
    private static final int NEEDS = NeedCode.values().length;
    private static final int YEARS = YearGroup.HIGHEST + 1;

    /** How a placement stopped needing a place. */
    public enum Exit {
        MOVED_TO_MAINSTREAM, ENDED, ENDED_AT_PHASE_TRANSFER, WITHDRAWN
    }

    /**
     * A placement as the history knows it, without personal data: its primary need, its year group when referred,
     * its EHC plan status, when it was referred, and when and how it stopped needing a place (null while open).
     */
    public record Fact(NeedCode need, int yearGroup, EhcpStatus ehcpStatus, LocalDate referredOn, LocalDate exitedOn,
                       Exit exit) {
    }

    /** A provision open on a day: its year range, designated needs and commissioned places then. */
    public record ProvisionPlaces(String provisionId, int lowestYear, int highestYear, List<NeedCode> needs,
                                  int places) {
    }

    /** A phase's rates: pupil-years needing a place in it, leavers, λ, the share staying a year, new pupils a year. */
    public record ForecastPhaseRate(ScapPhase phase, double pupilYears, int leavers, double leavingRate,
                            double staysAYear, double newPupilsPerYear) {
    }

    /**
     * Leaving at a phase transfer from Year 6 or Year 11: of the pupils who reached it in the history (left for a
     * phase transfer from that year group, or moved up from it still needing a place), the share who left.
     */
    public record ForecastTransfer(int fromYearGroup, int reached, int leavers, double leavingShare) {
    }

    /** What the forecast was read from: the history's window and the rates. */
    public record ForecastParameters(LocalDate historyFrom, LocalDate historyTo, double historyYears,
                                     int placementsRead, List<ForecastPhaseRate> phases,
                                     List<ForecastTransfer> transfers) {
    }

    /** Pupils needing a place against the places for them; {@code places} of a need share a provision's equally. */
    public record ForecastCell(ScapPhase phase, NeedCode need, double pupils, double places, double shortfall,
                       double spare) {
    }

    public record ForecastPhaseTotal(ScapPhase phase, double pupils, double places, double shortfall, double spare) {
    }

    /** One year of the forecast (or the observed year, {@code yearsAhead} 0), counted on {@code countedOn}. */
    public record ForecastYear(int yearsAhead, String academicYear, LocalDate countedOn,
                               List<ForecastPhaseTotal> phases, List<ForecastCell> cells) {
    }

    public record DemandForecast(LocalDate asOf, ForecastParameters parameters, ForecastYear observed,
                                 List<ForecastYear> years) {
    }

    /** Pupils by need (ordinal) and year group, as reals: a forecast's are expected values. */
    public static final class Counts {
        final double[][] n = new double[NEEDS][YEARS];

        public double get(NeedCode need, int year) {
            return n[need.ordinal()][year];
        }

        public double phase(ScapPhase phase) {
            double sum = 0;
            for (double[] byYear : n) {
                for (int y = 0; y < YEARS; y++) {
                    sum += ScapPhase.of(y) == phase ? byYear[y] : 0;
                }
            }
            return sum;
        }

        public double cell(ScapPhase phase, NeedCode need) {
            double sum = 0;
            for (int y = 0; y < YEARS; y++) {
                sum += ScapPhase.of(y) == phase ? n[need.ordinal()][y] : 0;
            }
            return sum;
        }

        public double total() {
            double sum = 0;
            for (ScapPhase p : ScapPhase.values()) {
                sum += phase(p);
            }
            return sum;
        }
    }

    /** The demand part of a forecast: the rates and the pupils of each year, before any places. */
    public record Projection(ForecastParameters parameters, Counts observed, List<Counts> years) {
    }

    private ScapForecast() {
    }

    /** The academic year (its first calendar year) a day is in: 1 September to 31 August. */
    static int academicYear(LocalDate day) {
        return day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    }

    /** The pupil's year group on a day: the year group at referral, one more for each 1 September since. */
    public static int yearGroupOn(Fact f, LocalDate day) {
        return f.yearGroup() + academicYear(day) - academicYear(f.referredOn());
    }

    /** What was known of the placement on {@code asOf}: null if referred later; open if it left later. */
    static Fact knownOn(Fact f, LocalDate asOf) {
        if (f.referredOn().isAfter(asOf)) {
            return null;
        }
        if (f.exitedOn() != null && f.exitedOn().isAfter(asOf)) {
            return new Fact(f.need(), f.yearGroup(), f.ehcpStatus(), f.referredOn(), null, null);
        }
        return f;
    }

    static boolean openOn(Fact f, LocalDate day) {
        return !f.referredOn().isAfter(day) && (f.exitedOn() == null || f.exitedOn().isAfter(day));
    }

    /** Only pupils with a plan or an assessment under way can be offered a specialist place (R-EHCP). */
    static boolean needsAPlace(Fact f) {
        return f.ehcpStatus() != EhcpStatus.NONE;
    }

    /**
     * The pupils needing a specialist place on a day: open placements of pupils with a plan or an assessment, by
     * need and their year group that day (a pupil past Year 13 has left school and is not counted).
     */
    public static Counts needingAPlace(Collection<Fact> history, LocalDate day) {
        Counts c = new Counts();
        for (Fact f : history) {
            if (needsAPlace(f) && openOn(f, day)) {
                int y = yearGroupOn(f, day);
                if (y >= 0 && y < YEARS) {
                    c.n[f.need().ordinal()][y]++;
                }
            }
        }
        return c;
    }

    /** The demand of the next {@code years} years from {@code asOf}, reading only the history known on it. */
    public static Projection project(Collection<Fact> fullHistory, LocalDate asOf, int years) {
        List<Fact> history = new ArrayList<>();
        for (Fact f : fullHistory) {
            Fact known = knownOn(f, asOf);
            if (known != null && needsAPlace(known)) {
                history.add(known);
            }
        }
        LocalDate earliest = history.stream().map(Fact::referredOn).min(LocalDate::compareTo).orElse(asOf);
        int wholeYears = 0;
        while (wholeYears < MAX_HISTORY_YEARS && !asOf.minusYears(wholeYears + 1).isBefore(earliest)) {
            wholeYears++;
        }
        LocalDate from = wholeYears > 0 ? asOf.minusYears(wholeYears) : earliest;
        double historyYears = wholeYears > 0 ? wholeYears : ChronoUnit.DAYS.between(from, asOf) / DAYS_PER_YEAR;

        // exposure (days needing a place) and leavers, by the year group they were in
        double[] days = new double[YEARS];
        int[] leavers = new int[YEARS];
        int[] transferLeavers = new int[YEARS];
        for (Fact f : history) {
            LocalDate start = f.referredOn().isBefore(from) ? from : f.referredOn();
            LocalDate end = f.exitedOn() == null ? asOf : f.exitedOn();
            while (start.isBefore(end)) {
                LocalDate nextSeptember = LocalDate.of(academicYear(start) + 1, 9, 1);
                LocalDate until = nextSeptember.isBefore(end) ? nextSeptember : end;
                int y = yearGroupOn(f, start);
                if (y >= 0 && y < YEARS) {
                    days[y] += ChronoUnit.DAYS.between(start, until);
                }
                start = until;
            }
            if (f.exitedOn() != null && f.exitedOn().isAfter(from)) {
                int y = yearGroupOn(f, f.exitedOn().minusDays(1));
                if (y >= 0 && y < YEARS) {
                    if (f.exit() == Exit.ENDED_AT_PHASE_TRANSFER && (y == 6 || y == 11)) {
                        transferLeavers[y]++;
                    } else {
                        leavers[y]++;
                    }
                }
            }
        }
        // new pupils: referred in each year of the window and still needing a place at that year's end
        Counts arrivals = new Counts();
        int intervals = Math.max(1, wholeYears);
        for (int j = 0; j < intervals; j++) {
            LocalDate hi = asOf.minusYears(j);
            LocalDate lo = wholeYears > 0 ? asOf.minusYears(j + 1) : from.minusDays(1);
            for (Fact f : history) {
                if (f.referredOn().isAfter(lo) && !f.referredOn().isAfter(hi) && openOn(f, hi)) {
                    int y = yearGroupOn(f, hi);
                    if (y >= 0 && y < YEARS) {
                        arrivals.n[f.need().ordinal()][y] += historyYears > 0 ? 1 / historyYears : 0;
                    }
                }
            }
        }

        double[] stays = new double[ScapPhase.values().length];
        List<ForecastPhaseRate> phaseRates = new ArrayList<>();
        for (ScapPhase p : ScapPhase.values()) {
            double pupilYears = 0;
            int left = 0;
            for (int y = 0; y < YEARS; y++) {
                if (ScapPhase.of(y) == p) {
                    pupilYears += days[y] / DAYS_PER_YEAR;
                    left += leavers[y];
                }
            }
            double rate = pupilYears > 0 ? left / pupilYears : 0;
            stays[p.ordinal()] = Math.exp(-rate);
            phaseRates.add(new ForecastPhaseRate(p, round(pupilYears, 2), left, round(rate, 4),
                    round(stays[p.ordinal()], 4), round(arrivals.phase(p), 2)));
        }
        // moving up from Year 6 and Year 11: those who crossed a 1 September of the window still needing a place
        int[] crossed = new int[YEARS];
        for (Fact f : history) {
            for (int year = academicYear(from) + 1; !LocalDate.of(year, 9, 1).isAfter(asOf); year++) {
                LocalDate september = LocalDate.of(year, 9, 1);
                if (september.isAfter(from) && openOn(f, september.minusDays(1)) && openOn(f, september)) {
                    int y = yearGroupOn(f, september.minusDays(1));
                    if (y >= 0 && y < YEARS) {
                        crossed[y]++;
                    }
                }
            }
        }
        double[] transferLeaving = new double[YEARS];
        List<ForecastTransfer> transfers = new ArrayList<>();
        for (int y : new int[]{6, 11}) {
            int reached = transferLeavers[y] + crossed[y];
            transferLeaving[y] = reached > 0 ? (double) transferLeavers[y] / reached : 0;
            transfers.add(new ForecastTransfer(y, reached, transferLeavers[y], round(transferLeaving[y], 4)));
        }

        Counts observed = needingAPlace(history, asOf);
        List<Counts> out = new ArrayList<>();
        Counts current = observed;
        for (int k = 1; k <= years; k++) {
            Counts next = new Counts();
            for (int need = 0; need < NEEDS; need++) {
                for (int y = 0; y < YEARS - 1; y++) { // Year 13 leaves
                    double staying = stays[ScapPhase.of(y).ordinal()] * (1 - transferLeaving[y]);
                    next.n[need][y + 1] += current.n[need][y] * staying;
                }
                for (int y = 0; y < YEARS; y++) {
                    next.n[need][y] += arrivals.n[need][y];
                }
            }
            out.add(next);
            current = next;
        }
        ForecastParameters parameters = new ForecastParameters(from, asOf, round(historyYears, 2), history.size(),
                List.copyOf(phaseRates), List.copyOf(transfers));
        return new Projection(parameters, observed, List.copyOf(out));
    }

    /**
     * The forecast with the places: {@code placesOn} gives the provisions open on each year's count day (the
     * capacity ledger's rows in force then, so a change of places already dated for then counts).
     */
    public static DemandForecast forecast(Collection<Fact> history, LocalDate asOf,
                                    Function<LocalDate, List<ProvisionPlaces>> placesOn) {
        Projection projection = project(history, asOf, YEARS_AHEAD);
        ForecastYear observed = year(0, asOf, projection.observed(), placesOn.apply(asOf));
        List<ForecastYear> years = new ArrayList<>();
        for (int k = 1; k <= YEARS_AHEAD; k++) {
            LocalDate on = asOf.plusYears(k);
            years.add(year(k, on, projection.years().get(k - 1), placesOn.apply(on)));
        }
        return new DemandForecast(asOf, projection.parameters(), observed, List.copyOf(years));
    }

    private static ForecastYear year(int k, LocalDate on, Counts pupils, List<ProvisionPlaces> provisions) {
        double[][] places = placesByPhaseAndNeed(provisions);
        List<ForecastCell> cells = new ArrayList<>();
        List<ForecastPhaseTotal> totals = new ArrayList<>();
        for (ScapPhase p : ScapPhase.values()) {
            double phasePupils = 0;
            double phasePlaces = 0;
            for (NeedCode need : NeedCode.values()) {
                double n = pupils.cell(p, need);
                double pl = places[p.ordinal()][need.ordinal()];
                phasePupils += n;
                phasePlaces += pl;
                if (round(n, 1) > 0 || round(pl, 1) > 0) {
                    cells.add(new ForecastCell(p, need, round(n, 1), round(pl, 1), round(Math.max(0, n - pl), 1),
                            round(Math.max(0, pl - n), 1)));
                }
            }
            totals.add(new ForecastPhaseTotal(p, round(phasePupils, 1), round(phasePlaces, 1),
                    round(Math.max(0, phasePupils - phasePlaces), 1), round(Math.max(0, phasePlaces - phasePupils),
                    1)));
        }
        return new ForecastYear(k, academicYear(on) + "-" + String.format("%02d", (academicYear(on) + 1) % 100), on,
                List.copyOf(totals), List.copyOf(cells));
    }

    /**
     * A provision's places by phase, in proportion to the year groups of its range in each phase (an all-through
     * provision for Reception to Year 13 of 14 places counts 7 primary, 5 secondary and 2 post-16), then shared
     * equally among its designated needs.
     */
    static double[][] placesByPhaseAndNeed(List<ProvisionPlaces> provisions) {
        double[][] out = new double[ScapPhase.values().length][NEEDS];
        for (ProvisionPlaces p : provisions) {
            int span = p.highestYear() - p.lowestYear() + 1;
            if (span <= 0 || p.needs().isEmpty()) {
                continue;
            }
            for (ScapPhase phase : ScapPhase.values()) {
                double share = (double) p.places() * phase.yearsIn(p.lowestYear(), p.highestYear()) / span;
                for (NeedCode need : p.needs()) {
                    out[phase.ordinal()][need.ordinal()] += share / p.needs().size();
                }
            }
        }
        return out;
    }

    /**
     * A provision's places by phase in whole places, in proportion to the year groups of its range in each phase,
     * the remainders going to the largest fractions (earlier phase first on a tie): they add up to its places.
     */
    public static int[] wholePlacesByPhase(int places, int lowestYear, int highestYear) {
        ScapPhase[] phases = ScapPhase.values();
        int span = highestYear - lowestYear + 1;
        int[] out = new int[phases.length];
        double[] remainder = new double[phases.length];
        int given = 0;
        for (ScapPhase p : phases) {
            double exact = (double) places * p.yearsIn(lowestYear, highestYear) / span;
            out[p.ordinal()] = (int) Math.floor(exact);
            remainder[p.ordinal()] = exact - out[p.ordinal()];
            given += out[p.ordinal()];
        }
        while (given < places) {
            int best = 0;
            for (int i = 1; i < phases.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
            given++;
        }
        return out;
    }

    static double round(double x, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(x * scale) / scale;
    }
}
