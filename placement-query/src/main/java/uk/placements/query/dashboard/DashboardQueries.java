package uk.placements.query.dashboard;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.RowsByName;
import uk.placements.shared.dashboard.CapacityDashboard;
import uk.placements.shared.dashboard.CapacityFigures;
import uk.placements.shared.dashboard.GetCapacity;
import uk.placements.shared.dashboard.GetInclusion;
import uk.placements.shared.dashboard.GetWaitingList;
import uk.placements.shared.dashboard.InclusionDashboard;
import uk.placements.shared.dashboard.InclusionDashboard.ProvisionInclusion;
import uk.placements.shared.dashboard.ProvisionCapacity;
import uk.placements.shared.dashboard.WaitingList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The authority's dashboards, every figure "as at" a date, read from the reporting views (V101, V125). Capacity,
 * mainstream shares and staffing come from the capacity ledger, one row per provision ({@link CapacityReader}); the
 * waiting list from the placements' periods (a placement is in a state on date D when its period has
 * valid_from <= D and (valid_to is null or valid_to > D)); the counts and medians of the inclusion window from the
 * milestones within it ({@link InclusionWindow}).
 */
@Component
public class DashboardQueries {

    private final CapacityReader capacity;
    private final NamedParameterJdbcTemplate jdbc;
    private final DashboardCache cache;
    private final InclusionWindow window;

    public DashboardQueries(CapacityReader capacity, NamedParameterJdbcTemplate jdbc, DashboardCache cache,
                            InclusionWindow window) {
        this.capacity = capacity;
        this.jdbc = jdbc;
        this.cache = cache;
        this.window = window;
    }

    @QueryHandler
    public CapacityDashboard handle(GetCapacity query) {
        return cache.answer(query, () -> capacity(query));
    }

    @QueryHandler
    public WaitingList handle(GetWaitingList query) {
        return cache.answer(query, () -> waitingList(query));
    }

    @QueryHandler
    public InclusionDashboard handle(GetInclusion query) {
        return cache.answer(query, () -> inclusion(query));
    }

    private CapacityDashboard capacity(GetCapacity query) {
        List<ProvisionCapacity> rows = capacity.asAt(query.asOf());
        CapacityFigures total = rows.stream().map(ProvisionCapacity::figures)
                .reduce(CapacityFigures.NONE, CapacityFigures::plus);
        return new CapacityDashboard(query.asOf(), total, group(rows, p -> List.of(p.type())),
                group(rows, p -> List.of(p.phase())), group(rows, ProvisionCapacity::designatedNeeds), rows);
    }

    private static Map<String, CapacityFigures> group(List<ProvisionCapacity> rows,
                                                      Function<ProvisionCapacity, List<String>> keys) {
        Map<String, CapacityFigures> groups = new TreeMap<>();
        for (ProvisionCapacity row : rows) {
            for (String key : keys.apply(row)) {
                groups.merge(key, row.figures(), CapacityFigures::plus);
            }
        }
        return groups;
    }

    /**
     * The referrals waiting on the date: those still open and those closed after it, each part seeked by {@code
     * (status, valid_to)} (V126), so a date near today reads about as many periods as are waiting then, however long
     * the history; a date further back reads the referrals closed since then as well. The index holds every column
     * read (V167), and the table is read rather than its view {@code report_placement_period}, which H2 computes
     * whole for every row, so each part is answered from the index alone. On PostgreSQL the index holds the
     * referrals' periods alone (V177): the condition on the status is written as a constant so that it matches.
     */
    public static final String WAITING_AS_AT = """
            SELECT pp.primary_need, pp.year_group, pp.referred_on FROM rm_placement_period pp
            WHERE pp.status = 'REFERRED' AND pp.valid_to IS NULL AND pp.valid_from <= CAST(:asOf AS DATE)
            UNION ALL
            SELECT pp.primary_need, pp.year_group, pp.referred_on FROM rm_placement_period pp
            WHERE pp.status = 'REFERRED' AND pp.valid_to > CAST(:asOf AS DATE)
                AND pp.valid_from <= CAST(:asOf AS DATE)""";

    /** A waiting referral as {@link #WAITING_AS_AT} selects it, by column name. */
    record WaitingRow(String primaryNeed, int yearGroup, LocalDate referredOn) {
    }

    /** A group of the waiting list: by primary need, then year group. */
    private record WaitingGroup(String need, int year) {
    }

    private static final Comparator<WaitingGroup> GROUP_ORDER =
            Comparator.comparing(WaitingGroup::need).thenComparingInt(WaitingGroup::year);

    /**
     * The waiting referrals' days waiting, overall and by group. A cold read handles every waiting referral here
     * (about ten thousand in the benchmark's authority at 1,000,000 events), so each costs as little as it can: the
     * date read as a {@link LocalDate}, days counted on epoch days, groups keyed by a record rather than by a
     * formatted text split again afterwards.
     */
    private WaitingList waitingList(GetWaitingList query) {
        LocalDate asOf = query.asOf();
        long asOfDay = asOf.toEpochDay();
        Median.Values all = new Median.Values();
        Map<WaitingGroup, Median.Values> byGroup = new TreeMap<>(GROUP_ORDER);
        jdbc.query(WAITING_AS_AT, params(asOf), RowsByName.of(WaitingRow.class)).forEach(w -> {
            int days = (int) (asOfDay - w.referredOn().toEpochDay());
            all.add(days);
            byGroup.computeIfAbsent(new WaitingGroup(w.primaryNeed(), w.yearGroup()), k -> new Median.Values())
                    .add(days);
        });
        List<WaitingList.Group> groups = byGroup.entrySet().stream()
                .map(e -> new WaitingList.Group(e.getKey().need(), e.getKey().year(), waiting(e.getValue())))
                .toList();
        return new WaitingList(asOf, waiting(all), groups);
    }

    private static WaitingList.Waiting waiting(Median.Values days) {
        return new WaitingList.Waiting(days.size(), days.median(), days.max());
    }

    private InclusionDashboard inclusion(GetInclusion query) {
        LocalDate asOf = query.asOf();
        // the window's counts and medians per provision, from the one fold of the window (InclusionWindow)
        Map<String, InclusionWindow.Figures> windows = window.asAt(asOf);
        List<ProvisionInclusion> rows = new ArrayList<>();
        for (CapacityReader.Inclusion p : capacity.inclusionAsAt(asOf)) {
            InclusionWindow.Figures w = windows.get(p.provisionId());
            if (w == null) {
                w = InclusionWindow.Figures.none(p.provisionId());
            }
            boolean staffed = p.staffingFrom() != null;
            int onRoll = p.onRoll();
            Double average = onRoll == 0 ? null : p.mainstreamPercentSum() / (double) onRoll;
            Double atOrAboveHalf = onRoll == 0 || !"RESOURCE_BASE".equals(p.type()) ? null
                    : p.atOrAboveHalf() / (double) onRoll;
            rows.add(new ProvisionInclusion(p.provisionId(), p.name(), p.type(), p.phase(), onRoll, average,
                    atOrAboveHalf, w.splitIncreases(), w.splitDecreases(), w.movedToMainstream(),
                    w.offeredFromReferral(), w.admittedFromOffer(),
                    staffed ? p.adults() : null, staffed ? p.qualifiedTeachers() : null,
                    staffed ? p.therapyHoursPerWeek() : null,
                    !staffed || onRoll == 0 ? null : p.adults() / (double) onRoll,
                    staffed ? p.qualifiedTeachers() >= 1 : null,
                    !staffed || onRoll == 0 || p.therapyHoursPerWeek() == null ? null
                            : p.therapyHoursPerWeek().divide(BigDecimal.valueOf(onRoll), 2, RoundingMode.HALF_UP)
                            .doubleValue()));
        }
        return new InclusionDashboard(asOf, InclusionWindow.from(asOf), rows);
    }

    private static MapSqlParameterSource params(LocalDate asOf) {
        return new MapSqlParameterSource("asOf", Date.valueOf(asOf));
    }
}
