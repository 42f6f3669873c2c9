package uk.placements.query.funding;

import org.springframework.stereotype.Component;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.FundingLedger;
import uk.placements.shared.funding.Pounds;
import uk.placements.shared.funding.TariffState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The funding ledger, payment schedules and the spend dashboard (docs/funding.md), each {@link FundingLedger} applied
 * to the {@link FundingRecords} known at a moment. "As at" a day means as known at the end of that day (UTC).
 */
@Component
public class FundingLedgerReader {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(Pounds.SCALE);
    private static final LocalDate EVER = LocalDate.of(1900, 1, 1);
    private static final LocalDate NEVER = LocalDate.of(9999, 1, 1);

    private final FundingRecords facts;

    public FundingLedgerReader(FundingRecords facts) {
        this.facts = facts;
    }

    /** The end of {@code day}, UTC: what was recorded before it was known "as at" that day. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A placement's top-up month by month, to its leaving or, while it is open, to the month of {@code asAt}. */
    public LedgerViews.PlacementLedger placement(String placementId, LocalDate asAt) {
        FundingRecords.Known known = facts.known(endOf(asAt), FundingRecords.Scope.placement(placementId), EVER, NEVER);
        FundingRecords.Placement placement = known.placements().get(placementId);
        if (placement == null) {
            return new LedgerViews.PlacementLedger(placementId, null, asAt, List.of(), ZERO);
        }
        List<LedgerViews.PlacementMonth> months = known.topUps(placement, placement.stay().firstMonth(),
                        YearMonth.from(asAt)).stream()
                .map(m -> new LedgerViews.PlacementMonth(m.month().toString(), m.financialYear().toString(),
                        m.academicYear().toString(), m.daysOccupied(), m.daysFunded(), m.unpricedDays(), m.basis(),
                        m.amount()))
                .toList();
        return new LedgerViews.PlacementLedger(placementId, placement.provisionId(), asAt, months,
                FundingLedger.sum(months.stream().map(LedgerViews.PlacementMonth::topUp).toList()));
    }

    /** The twelve months of a year (financial or academic) starting on {@code firstDay}. */
    static List<YearMonth> monthsOf(LocalDate firstDay) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(YearMonth.from(firstDay).plusMonths(i));
        }
        return months;
    }

    /** Top-ups and place funding for each month of a year up to the month of {@code asAt}, by provision. */
    public LedgerViews.YearLedger year(boolean academic, int startYear, LocalDate asAt, String provisionId) {
        LocalDate first = academic ? new AcademicYear(startYear).firstDay() : new FinancialYear(startYear).firstDay();
        List<YearMonth> months = monthsOf(first).stream().filter(m -> !m.isAfter(YearMonth.from(asAt))).toList();
        Money money = money(asAt, provisionId == null ? FundingRecords.Scope.ALL
                : FundingRecords.Scope.provision(provisionId), months);
        List<LedgerViews.MonthTotal> monthTotals = months.stream().map(m -> {
            BigDecimal topUps = money.topUpsByMonth.getOrDefault(m, ZERO);
            BigDecimal places = money.placesByMonth.getOrDefault(m, ZERO);
            return new LedgerViews.MonthTotal(m.toString(), topUps, places, topUps.add(places));
        }).toList();
        List<LedgerViews.ProvisionTotal> provisions = new ArrayList<>();
        money.provisions.forEach((id, p) -> {
            if (provisionId == null || provisionId.equals(id)) {
                BigDecimal topUps = money.topUpsByProvision.getOrDefault(id, ZERO);
                BigDecimal places = money.placesByProvision.getOrDefault(id, ZERO);
                if (topUps.signum() != 0 || places.signum() != 0) {
                    provisions.add(new LedgerViews.ProvisionTotal(id, p.name(), p.type(), p.urn(), topUps, places,
                            topUps.add(places)));
                }
            }
        });
        BigDecimal topUps = FundingLedger.sum(monthTotals.stream().map(LedgerViews.MonthTotal::topUps).toList());
        BigDecimal places = FundingLedger.sum(monthTotals.stream().map(LedgerViews.MonthTotal::placeFunding).toList());
        return new LedgerViews.YearLedger((academic ? new AcademicYear(startYear).toString()
                : new FinancialYear(startYear).toString()), academic ? "ACADEMIC" : "FINANCIAL", asAt, monthTotals,
                provisions, new LedgerViews.Totals(topUps, places, topUps.add(places)));
    }

    /** The money of some months, as known at the end of {@code asAt}, gathered by month, provision and need. */
    private static final class Money {
        final Map<String, FundingRecords.Provision> provisions;
        final Map<String, List<FundingRecords.CapacityFrom>> capacity;
        final TariffState tariff;
        final FundingRecords.Known known;
        final Map<YearMonth, BigDecimal> topUpsByMonth = new TreeMap<>();
        final Map<YearMonth, BigDecimal> placesByMonth = new TreeMap<>();
        final Map<String, BigDecimal> topUpsByProvision = new TreeMap<>();
        final Map<String, BigDecimal> placesByProvision = new TreeMap<>();
        final Map<String, BigDecimal> topUpsByNeed = new TreeMap<>();

        /**
         * The money of the days from {@code from} to {@code until}: every day the ledger's place funding and its
         * capacity figures are asked for lies between them.
         */
        Money(FundingRecords facts, FundingRecords.Known known, LocalDate from, LocalDate until) {
            this.known = known;
            this.tariff = known.tariff();
            this.provisions = facts.provisions();
            this.capacity = facts.capacity(from, until);
        }
    }

    private Money money(LocalDate asAt, FundingRecords.Scope scope, List<YearMonth> months) {
        // the days asked for: the months', asAt, and the first day of the academic year after asAt's (spend)
        LocalDate nextYear = new AcademicYear(AcademicYear.of(asAt).startYear() + 1).firstDay();
        if (months.isEmpty()) {
            return new Money(facts, facts.known(endOf(asAt), scope, NEVER, EVER), asAt, nextYear);
        }
        YearMonth first = months.get(0);
        YearMonth last = months.get(months.size() - 1);
        LocalDate from = first.atDay(1).isBefore(asAt) ? first.atDay(1) : asAt;
        LocalDate until = last.atEndOfMonth().isAfter(nextYear) ? last.atEndOfMonth() : nextYear;
        Money money = new Money(facts, facts.known(endOf(asAt), scope, first.atDay(1),
                last.atEndOfMonth().plusDays(1)), from, until);
        for (FundingRecords.Placement p : money.known.placements().values()) {
            for (FundingLedger.TopUpMonth m : money.known.topUps(p, first, last)) {
                money.topUpsByMonth.merge(m.month(), m.amount(), BigDecimal::add);
                money.topUpsByProvision.merge(p.provisionId(), m.amount(), BigDecimal::add);
                money.topUpsByNeed.merge(p.primaryNeed() == null ? "UNKNOWN" : p.primaryNeed(), m.amount(),
                        BigDecimal::add);
            }
        }
        // each month's place rates looked up once, not once per provision (2,500 provisions times 12 months)
        Map<YearMonth, Map<ProvisionType, Optional<BigDecimal>>> rates = new TreeMap<>();
        for (YearMonth month : months) {
            AcademicYear year = AcademicYear.of(month.atDay(1));
            Map<ProvisionType, Optional<BigDecimal>> byType = new java.util.EnumMap<>(ProvisionType.class);
            for (ProvisionType type : ProvisionType.values()) {
                byType.put(type, money.tariff.placeRate(type, year));
            }
            rates.put(month, byType);
        }
        money.provisions.forEach((id, provision) -> {
            if (scope.provisionId() != null && !scope.provisionId().equals(id)) {
                return;
            }
            List<FundingRecords.CapacityFrom> rows = money.capacity.getOrDefault(id, List.of());
            if (rows.isEmpty()) {
                return; // no place funded in any month
            }
            ProvisionType type = ProvisionType.valueOf(provision.type());
            for (YearMonth month : months) {
                Optional<BigDecimal> rate = rates.get(month).get(type);
                long placeDays = rate.isPresent() ? FundingRecords.placeDays(rows, month) : 0;
                if (placeDays > 0) {
                    BigDecimal amount = FundingLedger.placeFunding(month, rate.get(), placeDays);
                    money.placesByMonth.merge(month, amount, BigDecimal::add);
                    money.placesByProvision.merge(id, amount, BigDecimal::add);
                }
            }
        });
        return money;
    }

    /**
     * The payment schedule of {@code month} as at {@code asAt}: for each host school, the top-ups due for the month
     * as known when it ended (or at {@code asAt}, if earlier), and the adjustments to earlier months that what was
     * recorded during the month made; never a past month rewritten. Summed over every schedule from a month's own on,
     * its adjustments and its due make what is known to be due for it now. All its lines at once; {@link
     * #schedule(YearMonth, LocalDate, String, Consumer)} hands them over a school at a time.
     */
    public ScheduleLines scheduleLines(YearMonth month, LocalDate asAt, String urn) {
        List<ScheduleLine> lines = new ArrayList<>();
        ScheduleHeading heading = schedule(month, asAt, urn, lines::addAll);
        return new ScheduleLines(heading.month(), heading.asAt(), heading.provisional(), lines);
    }

    /** A payment schedule's month, the day it is drawn as at, and whether the month was still open then. */
    public record ScheduleHeading(YearMonth month, LocalDate asAt, boolean provisional) {
    }

    /** A schedule's lines in order: by host school, the month's due first, then adjustments by month, placement. */
    private static final Comparator<ScheduleLine> LINE_ORDER = Comparator
            .comparing((ScheduleLine l) -> l.provision().urn())
            .thenComparingInt(l -> l.kind().equals("DUE") ? 0 : 1).thenComparing(ScheduleLine::forMonth)
            .thenComparing(ScheduleLine::placementId);

    /**
     * The payment schedule of {@link #scheduleLines}, handed to {@code school} one host school at a time, in order
     * of URN, each school's lines in the schedule's order. The whole schedule is never held: once every placement's
     * facts are recorded in one month (a migration's first month, the benchmark's bulk load), it carries an
     * adjustment for every earlier month of every placement (2.3 million lines at 1,000,000 events), and held whole
     * those lines outlived every young collection while they were computed.
     */
    public ScheduleHeading schedule(YearMonth month, LocalDate asAt, String urn, Consumer<List<ScheduleLine>> school) {
        Instant end = startOf(month.plusMonths(1));
        Instant cutoff = endOf(asAt).isBefore(end) ? endOf(asAt) : end;
        Instant start = startOf(month).isBefore(cutoff) ? startOf(month) : cutoff;
        FundingRecords.Scope scope = urn == null ? FundingRecords.Scope.ALL : FundingRecords.Scope.school(urn);
        // Placements whose earlier months can change: every one if the tariff was corrected during the month, else
        // those with a fact recorded during it (a leaving not known at its start is recorded during it too).
        boolean tariffChanged = facts.tariffValues(start) != facts.tariffValues(cutoff);
        LocalDate staysFrom = tariffChanged ? EVER : month.atDay(1);
        Instant changedSince = tariffChanged ? null : start;
        FundingRecords.Known now = facts.known(cutoff, scope, staysFrom, month.atEndOfMonth().plusDays(1),
                changedSince);
        FundingRecords.Known before = facts.known(start, scope, staysFrom, month.atEndOfMonth().plusDays(1),
                changedSince);
        Map<String, FundingRecords.Provision> provisions = facts.provisions();
        // the placements of each host school, by URN: known now, or known at the month's start only
        Map<String, java.util.SortedSet<String>> bySchool = new TreeMap<>();
        for (Map<String, FundingRecords.Placement> known : List.of(now.placements(), before.placements())) {
            known.forEach((id, p) -> {
                FundingRecords.Provision provision = provisions.get(p.provisionId());
                if (provision != null && (known == now.placements() || !now.placements().containsKey(id))) {
                    bySchool.computeIfAbsent(provision.urn(), k -> new java.util.TreeSet<>()).add(id);
                }
            });
        }
        for (java.util.SortedSet<String> ids : bySchool.values()) {
            List<ScheduleLine> lines = new ArrayList<>();
            for (String id : ids) {
                FundingRecords.Placement is = now.placements().get(id);
                FundingRecords.Placement was = before.placements().get(id);
                FundingRecords.Placement any = is != null ? is : was;
                FundingRecords.Provision provision = provisions.get(any.provisionId());
                if (is != null) {
                    FundingLedger.TopUpMonth due = FundingLedger.topUp(is.stay(), is.funding(), now.tariff(), month);
                    if (due.daysOccupied() > 0) {
                        lines.add(new ScheduleLine(provision, month, "DUE", month, id, due.daysFunded(), due.basis(),
                                due.amount()));
                    }
                }
                if (tariffChanged || !FundingRecords.sameFacts(is, was)) {
                    adjustments(provision, month, id, is, now, was, before, lines);
                }
            }
            if (!lines.isEmpty()) {
                lines.sort(LINE_ORDER);
                school.accept(lines);
            }
        }
        return new ScheduleHeading(month, asAt, endOf(asAt).isBefore(end));
    }

    /**
     * The adjustments the month's schedule makes to a placement's earlier months: for each, the top-up as known now
     * less the top-up as known at the month's start, where they differ. Both are in order of month, so they are
     * walked side by side.
     */
    private static void adjustments(FundingRecords.Provision provision, YearMonth month, String id,
                                    FundingRecords.Placement is, FundingRecords.Known now,
                                    FundingRecords.Placement was, FundingRecords.Known before,
                                    List<ScheduleLine> lines) {
        YearMonth from = (is != null ? is : was).stay().firstMonth();
        YearMonth last = month.minusMonths(1);
        List<FundingLedger.TopUpMonth> nowMonths = is == null ? List.of() : now.topUps(is, from, last);
        List<FundingLedger.TopUpMonth> thenMonths = was == null ? List.of() : before.topUps(was, from, last);
        int i = 0;
        int j = 0;
        while (i < nowMonths.size() || j < thenMonths.size()) {
            FundingLedger.TopUpMonth m = i < nowMonths.size() ? nowMonths.get(i) : null;
            FundingLedger.TopUpMonth old = j < thenMonths.size() ? thenMonths.get(j) : null;
            int order = m == null ? 1 : old == null ? -1 : m.month().compareTo(old.month());
            if (order > 0) { // a month known at the start and no longer: taken back
                j++;
                if (old.amount().signum() != 0) {
                    lines.add(new ScheduleLine(provision, month, "ADJUSTMENT", old.month(), id, -old.daysFunded(),
                            old.basis(), old.amount().negate()));
                }
                continue;
            }
            i++;
            BigDecimal change = m.amount();
            int days = m.daysFunded();
            if (order == 0) {
                j++;
                change = change.subtract(old.amount());
                days -= old.daysFunded();
            }
            if (change.signum() != 0) {
                lines.add(new ScheduleLine(provision, month, "ADJUSTMENT", m.month(), id, days, m.basis(), change));
            }
        }
    }

    /** One line of a payment schedule: the top-up due for its month, or an adjustment to an earlier month. */
    public record ScheduleLine(FundingRecords.Provision provision, YearMonth scheduleMonth, String kind,
                               YearMonth forMonth, String placementId, int daysFunded, String basis,
                               BigDecimal amount) {
    }

    public record ScheduleLines(YearMonth month, LocalDate asAt, boolean provisional, List<ScheduleLine> lines) {
    }

    /** The schedule's lines summed per host school. */
    public LedgerViews.Schedule schedule(YearMonth month, LocalDate asAt) {
        List<LedgerViews.SchoolSchedule> schools = new ArrayList<>();
        ScheduleHeading heading = schedule(month, asAt, null, lines -> {
            BigDecimal due = ZERO;
            BigDecimal adjustments = ZERO;
            Set<String> placements = new HashSet<>();
            for (ScheduleLine line : lines) {
                if (line.kind().equals("DUE")) {
                    due = due.add(line.amount());
                } else {
                    adjustments = adjustments.add(line.amount());
                }
                placements.add(line.placementId());
            }
            FundingRecords.Provision first = lines.get(0).provision();
            schools.add(new LedgerViews.SchoolSchedule(first.urn(), first.school(), placements.size(), due,
                    adjustments, due.add(adjustments)));
        });
        BigDecimal due = FundingLedger.sum(schools.stream().map(LedgerViews.SchoolSchedule::due).toList());
        BigDecimal adjustments = FundingLedger.sum(schools.stream().map(LedgerViews.SchoolSchedule::adjustments)
                .toList());
        return new LedgerViews.Schedule(month.toString(), asAt, heading.provisional(), schools,
                new LedgerViews.ScheduleTotals(due, adjustments, due.add(adjustments)));
    }

    /**
     * The spend of a financial year as at {@code asAt}: each month up to asAt's is due (actual), each later month is
     * what today's placements and bands commit (forecast: the placements open as known at asAt stay, their top-ups
     * in force continue); by provision, type, phase and need, the year's figures (actual and committed), cost per
     * pupil on roll on asAt, and the place funding of the places left empty on asAt.
     */
    public LedgerViews.Spend spend(int financialYear, LocalDate asAt, Map<String, Integer> requestedPlaces) {
        FinancialYear fy = new FinancialYear(financialYear);
        List<YearMonth> months = monthsOf(fy.firstDay());
        Money money = money(asAt, FundingRecords.Scope.ALL, months);
        YearMonth current = YearMonth.from(asAt);
        List<LedgerViews.SpendMonth> spendMonths = new ArrayList<>();
        BigDecimal committed = ZERO;
        for (YearMonth m : months) {
            BigDecimal total = money.topUpsByMonth.getOrDefault(m, ZERO).add(money.placesByMonth.getOrDefault(m, ZERO));
            boolean actual = !m.isAfter(current);
            spendMonths.add(new LedgerViews.SpendMonth(m.toString(), actual ? total : null, actual ? null : total));
            if (!actual) {
                committed = committed.add(total);
            }
        }
        List<LedgerViews.ProvisionSpend> byProvision = new ArrayList<>();
        AcademicYear thisYear = AcademicYear.of(asAt);
        money.provisions.forEach((id, p) -> {
            FundingRecords.CapacityFrom today = FundingRecords.on(money.capacity.getOrDefault(id, List.of()), asAt);
            int commissioned = today == null || !today.open() ? 0 : today.commissioned();
            int onRoll = today == null ? 0 : today.onRoll();
            BigDecimal topUps = money.topUpsByProvision.getOrDefault(id, ZERO);
            BigDecimal places = money.placesByProvision.getOrDefault(id, ZERO);
            if (commissioned == 0 && onRoll == 0 && topUps.signum() == 0 && places.signum() == 0) {
                return;
            }
            int empty = Math.max(0, commissioned - onRoll);
            BigDecimal emptyCost = money.tariff.placeRate(ProvisionType.valueOf(p.type()), thisYear)
                    .map(rate -> rate.multiply(BigDecimal.valueOf(empty))).orElse(ZERO).setScale(Pounds.SCALE);
            BigDecimal total = topUps.add(places);
            byProvision.add(new LedgerViews.ProvisionSpend(id, p.name(), p.type(), p.phase(), p.urn(), commissioned,
                    onRoll, topUps, places, total, perPupil(total, onRoll), empty, emptyCost));
        });
        Map<String, Integer> onRollByNeed = new TreeMap<>();
        for (FundingRecords.Placement p : money.known.placements().values()) {
            if (!p.stay().admittedOn().isAfter(asAt)
                    && (p.stay().leftOn() == null || p.stay().leftOn().isAfter(asAt))) {
                onRollByNeed.merge(p.primaryNeed() == null ? "UNKNOWN" : p.primaryNeed(), 1, Integer::sum);
            }
        }
        List<LedgerViews.GroupSpend> byNeed = new ArrayList<>();
        Set<String> needs = new java.util.TreeSet<>(money.topUpsByNeed.keySet());
        needs.addAll(onRollByNeed.keySet());
        for (String need : needs) {
            BigDecimal topUps = money.topUpsByNeed.getOrDefault(need, ZERO);
            int onRoll = onRollByNeed.getOrDefault(need, 0);
            byNeed.add(new LedgerViews.GroupSpend(need, onRoll, topUps, ZERO, topUps, perPupil(topUps, onRoll)));
        }
        int onRoll = byProvision.stream().mapToInt(LedgerViews.ProvisionSpend::onRoll).sum();
        BigDecimal topUps = FundingLedger.sum(byProvision.stream().map(LedgerViews.ProvisionSpend::topUps).toList());
        BigDecimal places = FundingLedger.sum(byProvision.stream().map(LedgerViews.ProvisionSpend::placeFunding)
                .toList());
        BigDecimal empty = FundingLedger.sum(byProvision.stream().map(LedgerViews.ProvisionSpend::emptyPlacesCost)
                .toList());
        LedgerViews.SpendTotals totals = new LedgerViews.SpendTotals(onRoll, topUps, places, topUps.add(places),
                perPupil(topUps.add(places), onRoll), empty);
        return new LedgerViews.Spend(fy.toString(), asAt, spendMonths, byProvision,
                group(byProvision, LedgerViews.ProvisionSpend::type), group(byProvision,
                LedgerViews.ProvisionSpend::phase), byNeed, totals, committed,
                nextYear(money, thisYear.startYear() + 1, requestedPlaces));
    }

    private static LedgerViews.NextYear nextYear(Money money, int startYear, Map<String, Integer> requested) {
        AcademicYear next = new AcademicYear(startYear);
        int places = 0;
        int unpriced = 0;
        BigDecimal funding = ZERO;
        for (Map.Entry<String, FundingRecords.Provision> e : money.provisions.entrySet()) {
            FundingRecords.CapacityFrom first = FundingRecords.on(money.capacity.getOrDefault(e.getKey(), List.of()),
                    next.firstDay());
            Integer asked = requested.get(e.getKey());
            int n = asked != null ? asked : first == null || !first.open() ? 0 : first.commissioned();
            places += n;
            Optional<BigDecimal> rate = money.tariff.placeRate(ProvisionType.valueOf(e.getValue().type()), next);
            if (rate.isPresent()) {
                funding = funding.add(rate.get().multiply(BigDecimal.valueOf(n)));
            } else {
                unpriced += n;
            }
        }
        return new LedgerViews.NextYear(next.toString(), places, funding.setScale(Pounds.SCALE), unpriced);
    }

    private static List<LedgerViews.GroupSpend> group(List<LedgerViews.ProvisionSpend> provisions,
                                                      Function<LedgerViews.ProvisionSpend, String> key) {
        Map<String, List<LedgerViews.ProvisionSpend>> groups = new TreeMap<>();
        provisions.forEach(p -> groups.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p));
        List<LedgerViews.GroupSpend> result = new ArrayList<>();
        groups.forEach((k, list) -> {
            int onRoll = list.stream().mapToInt(LedgerViews.ProvisionSpend::onRoll).sum();
            BigDecimal topUps = FundingLedger.sum(list.stream().map(LedgerViews.ProvisionSpend::topUps).toList());
            BigDecimal places = FundingLedger.sum(list.stream().map(LedgerViews.ProvisionSpend::placeFunding)
                    .toList());
            result.add(new LedgerViews.GroupSpend(k, onRoll, topUps, places, topUps.add(places),
                    perPupil(topUps.add(places), onRoll)));
        });
        return result;
    }

    private static BigDecimal perPupil(BigDecimal total, int onRoll) {
        return onRoll == 0 ? null : total.divide(BigDecimal.valueOf(onRoll), Pounds.SCALE, RoundingMode.HALF_UP);
    }
}
