package uk.placements.query.dashboard;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The authority's dashboards, every figure "as at" a date, read from the reporting views (V101). A placement is
 * in a state on date D when its period has valid_from <= D and (valid_to is null or valid_to > D); a provision's
 * places and staffing on D are its latest change of that kind by (effective_from, seq) with effective_from <= D.
 */
@Component
public class DashboardQueries {

    /** The window of the inclusion counts and medians: the twelve months up to and including the date. */
    static final int WINDOW_MONTHS = 12;

    private static final String IN_FORCE = "pp.valid_from <= CAST(:asOf AS DATE) "
            + "AND (pp.valid_to IS NULL OR pp.valid_to > CAST(:asOf AS DATE))";

    private final CapacityReader capacity;
    private final NamedParameterJdbcTemplate jdbc;
    private final DashboardCache cache;

    public DashboardQueries(CapacityReader capacity, NamedParameterJdbcTemplate jdbc, DashboardCache cache) {
        this.capacity = capacity;
        this.jdbc = jdbc;
        this.cache = cache;
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

    private WaitingList waitingList(GetWaitingList query) {
        LocalDate asOf = query.asOf();
        record Waiting(String need, int year, int days) {
        }
        List<Waiting> waiting = jdbc.query("SELECT pp.primary_need, pp.year_group, pp.referred_on "
                        + "FROM report_placement_period pp WHERE pp.status = 'REFERRED' AND " + IN_FORCE,
                params(asOf), (rs, i) -> new Waiting(rs.getString(1), rs.getInt(2),
                        (int) ChronoUnit.DAYS.between(rs.getDate(3).toLocalDate(), asOf)));
        Map<String, List<Integer>> byGroup = new TreeMap<>();
        for (Waiting w : waiting) {
            byGroup.computeIfAbsent(w.need() + "|" + String.format("%02d", w.year()), k -> new ArrayList<>())
                    .add(w.days());
        }
        List<WaitingList.Group> groups = byGroup.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|");
            return new WaitingList.Group(key[0], Integer.parseInt(key[1]), waiting(e.getValue()));
        }).toList();
        return new WaitingList(asOf, waiting(waiting.stream().map(Waiting::days).toList()), groups);
    }

    private static WaitingList.Waiting waiting(List<Integer> days) {
        return new WaitingList.Waiting(days.size(), Median.of(days),
                days.stream().max(Comparator.naturalOrder()).orElse(null));
    }

    private InclusionDashboard inclusion(GetInclusion query) {
        LocalDate asOf = query.asOf();
        LocalDate windowFrom = asOf.minusMonths(WINDOW_MONTHS);
        MapSqlParameterSource params = params(asOf).addValue("windowFrom", Date.valueOf(windowFrom));

        Map<String, List<Integer>> splits = new HashMap<>();
        jdbc.query("SELECT pp.provision_id, pp.mainstream_percent FROM report_placement_period pp "
                        + "WHERE pp.status = 'ADMITTED' AND " + IN_FORCE, params,
                rs -> {
                    splits.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getInt(2));
                });

        Map<String, List<Milestone>> milestones = new HashMap<>();
        jdbc.query("SELECT provision_id, kind, days_from_referral, days_from_offer FROM report_placement_milestone "
                        + "WHERE on_date > CAST(:windowFrom AS DATE) AND on_date <= CAST(:asOf AS DATE) "
                        + "AND provision_id IS NOT NULL", params,
                rs -> {
                    milestones.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Milestone(
                            rs.getString(2), (Integer) rs.getObject(3), (Integer) rs.getObject(4)));
                });

        record Staffing(int adults, int teachers, BigDecimal therapy) {
        }
        Map<String, Staffing> staffing = new HashMap<>();
        jdbc.query("""
                        SELECT c.provision_id, c.adults, c.qualified_teachers, c.therapy_hours_per_week
                        FROM report_provision_change c
                        WHERE c.kind = 'STAFFING' AND c.effective_from <= CAST(:asOf AS DATE)
                        AND NOT EXISTS (SELECT 1 FROM report_provision_change later
                            WHERE later.provision_id = c.provision_id AND later.kind = 'STAFFING'
                            AND later.effective_from <= CAST(:asOf AS DATE)
                            AND (later.effective_from > c.effective_from
                                OR (later.effective_from = c.effective_from AND later.seq > c.seq)))""", params,
                rs -> {
                    staffing.put(rs.getString(1), new Staffing(rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4)));
                });

        List<ProvisionInclusion> rows = new ArrayList<>();
        for (ProvisionCapacity p : capacity.asAt(asOf)) {
            List<Integer> percents = splits.getOrDefault(p.provisionId(), List.of());
            List<Milestone> ms = milestones.getOrDefault(p.provisionId(), List.of());
            Staffing s = staffing.get(p.provisionId());
            int onRoll = percents.size();
            Double average = onRoll == 0 ? null : percents.stream().mapToInt(Integer::intValue).average().orElseThrow();
            Double atOrAbove50 = onRoll == 0 || !"RESOURCE_BASE".equals(p.type()) ? null
                    : percents.stream().filter(x -> x >= 50).count() / (double) onRoll;
            rows.add(new ProvisionInclusion(p.provisionId(), p.name(), p.type(), p.phase(), onRoll, average,
                    atOrAbove50, count(ms, "SPLIT_INCREASE"), count(ms, "SPLIT_DECREASE"),
                    count(ms, "MOVED_TO_MAINSTREAM"),
                    Median.of(ms.stream().filter(m -> m.kind().equals("OFFERED")).map(Milestone::fromReferral)
                            .toList()),
                    Median.of(ms.stream().filter(m -> m.kind().equals("ADMITTED") && m.fromOffer() != null)
                            .map(Milestone::fromOffer).toList()),
                    s == null ? null : s.adults(), s == null ? null : s.teachers(), s == null ? null : s.therapy(),
                    s == null || onRoll == 0 ? null : s.adults() / (double) onRoll,
                    s == null ? null : s.teachers() >= 1,
                    s == null || onRoll == 0 || s.therapy() == null ? null
                            : s.therapy().divide(BigDecimal.valueOf(onRoll), 2, RoundingMode.HALF_UP).doubleValue()));
        }
        return new InclusionDashboard(asOf, windowFrom, rows);
    }

    private record Milestone(String kind, Integer fromReferral, Integer fromOffer) {
    }

    private static int count(List<Milestone> milestones, String kind) {
        return (int) milestones.stream().filter(m -> m.kind().equals(kind)).count();
    }

    private static MapSqlParameterSource params(LocalDate asOf) {
        return new MapSqlParameterSource("asOf", Date.valueOf(asOf));
    }
}
