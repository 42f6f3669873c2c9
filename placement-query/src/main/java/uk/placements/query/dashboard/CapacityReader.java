package uk.placements.query.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.ReadModelChanges;
import uk.placements.query.RowsByName;
import uk.placements.query.capacity.LedgerInForce;
import uk.placements.query.provision.ProvisionProjection;
import uk.placements.shared.dashboard.CapacityFigures;
import uk.placements.shared.dashboard.ProvisionCapacity;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Capacity and inclusion figures as at a date, read from the capacity ledger: per provision open on the date, its
 * ledger row in force then (the greatest effective_from on or before it, {@link LedgerInForce}), one row per
 * provision however long the history. The ledger keeps every figure read here, vacancies and over-capacity among them
 * (V178), so they are read from the tables the reporting views show, never through a view (H2 runs a view in a join
 * once for every row of the outer query). The rows in force are read alone ({@link LedgerInForce#rowsInForce}) and
 * the provisions' names and kinds apart, put together here by id: on H2 joining the names to 2,500 rows cost more
 * than reading the rows. The names are kept between reads while the provisions do not change ({@link
 * #provisions}). The decisions are read on the reader's own connection, before the rows: the query handler holds
 * that connection for its transaction, and a second one taken for the decisions meanwhile (tried: 6.5 and 3.4 ms
 * overlapped on PostgreSQL at 1,000,000 events) would let as many concurrent readers as the pool has connections
 * each hold one and wait for another. {@link #capacityAsAtSql()} gives the rows of the view {@code
 * report_capacity_now} for the date as a parameter instead of CURRENT_DATE (capacity.csv). The dashboards, the live
 * stream and capacity.csv all read here, so they cannot disagree with the view or with each other.
 */
@Component
public class CapacityReader {

    /** The rows of report_capacity_now on {@code :asOf} ({@link #capacityAsAtSql}), ordered by provision id. */
    private final String capacityReportSql;

    /** The capacity figures in force on {@code :asOf} of every provision open then, by id, without its names. */
    private final String capacitySql;

    /** {@link #capacitySql} of one provision ({@code :provisionId}). */
    private final String capacityOneSql;

    /** The inclusion figures the ledger keeps: mainstream percents over the pupils on roll, and staffing. */
    private final String inclusionSql;

    /** {@link #inclusionSql} of one provision ({@code :provisionId}). */
    private final String inclusionOneSql;

    /** The provisions' names and kinds, put together with their figures by id. */
    private static final String PROVISIONS = "SELECT provision_id, name, type, phase, designated_needs FROM rm_provision";

    /** A provision as {@link #PROVISIONS} reads it. */
    private record Named(String provisionId, String name, String type, String phase, String designatedNeeds) {
    }

    /** A provision's inclusion figures in its ledger row. */
    private record LedgerInclusion(String provisionId, int onRoll, int mainstreamPercentSum, int atOrAboveHalf,
                                   Integer adults, Integer qualifiedTeachers, BigDecimal therapyHoursPerWeek,
                                   LocalDate staffingFrom) {
    }

    /**
     * The decisions of placements holding a place at the provision on the date (offered or admitted): taken on or
     * before it and released after it, or not yet. Each decision keeps the day its place was released (V172), so they
     * are read from their own small table alone by the index on {@code (held_until, decided_on)}: the decisions still
     * held, then those released after the date. {@code %1$s} is a further condition on both (one provision's).
     */
    public static final String DECISIONS_AS_AT = """
            SELECT provision_id, seq, placement_id, decided_on, places_taken, commissioned_places, decided_by
            FROM rm_over_capacity_decision
            WHERE held_until IS NULL AND decided_on <= CAST(:asOf AS DATE)%1$s
            UNION ALL
            SELECT provision_id, seq, placement_id, decided_on, places_taken, commissioned_places, decided_by
            FROM rm_over_capacity_decision
            WHERE held_until > CAST(:asOf AS DATE) AND decided_on <= CAST(:asOf AS DATE)%1$s
            ORDER BY 1, 4, 2""";

    private final NamedParameterJdbcTemplate jdbc;
    /** The read models' change counters, the provisions' among them. */
    private final ReadModelChanges counters;

    public CapacityReader(NamedParameterJdbcTemplate jdbc, LedgerInForce inForce) {
        this.jdbc = jdbc;
        this.counters = new ReadModelChanges(jdbc.getJdbcTemplate());
        this.capacityReportSql = """
                SELECT CAST(:asOf AS DATE) AS as_of, pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs,
                       c.commissioned_places, c.on_roll, c.offers_outstanding, c.vacancies, c.over_capacity,
                       c.outside_designated_need
                FROM rm_provision pr
                """ + inForce.join("pr", "c", "CAST(:asOf AS DATE)") + "\nWHERE c.is_open ORDER BY pr.provision_id";
        String capacity = """
                c.provision_id, c.commissioned_places, c.on_roll, c.offers_outstanding, c.vacancies, c.over_capacity,
                c.outside_designated_need""";
        this.capacitySql = inForce.rowsInForce(capacity, "CAST(:asOf AS DATE)", "c.is_open");
        this.capacityOneSql = inForce.rowsInForce(capacity, "CAST(:asOf AS DATE)",
                "c.is_open AND c.provision_id = :provisionId");
        String inclusion = """
                c.provision_id, c.on_roll, c.mainstream_percent_sum, c.at_or_above_half, c.adults,
                c.qualified_teachers, c.therapy_hours_per_week, c.staffing_from""";
        this.inclusionSql = inForce.rowsInForce(inclusion, "CAST(:asOf AS DATE)", "c.is_open");
        this.inclusionOneSql = inForce.rowsInForce(inclusion, "CAST(:asOf AS DATE)",
                "c.is_open AND c.provision_id = :provisionId");
    }

    /**
     * The rows of the view {@code report_capacity_now} with the date as the parameter {@code :asOf} instead of
     * CURRENT_DATE, ordered by provision id: capacity.csv's query, the same rows as {@link #asAt(LocalDate)}.
     */
    public String capacityAsAtSql() {
        return capacityReportSql;
    }

    /** Every provision by id as last read, and the provisions' change counter read before it was: never changed. */
    private record KeptProvisions(long changes, Map<String, Named> byId) {
    }

    private volatile KeptProvisions keptProvisions;

    /**
     * The provisions by id: every one, or the one given. Every one is read again only when the provisions read
     * model's change counter has moved since the last read (it moves in the same transaction as the rows, and is
     * read here before them, so a read that already saw a later change is kept under the older counter and never
     * handed out again). Names and kinds change seldom, and every cold capacity or inclusion dashboard needs them
     * all: on the benchmark's PostgreSQL database at 1,000,000 events the 2,500 provisions took 2.6 ms to read,
     * the counter 0.1 ms.
     */
    private Map<String, Named> provisions(String provisionId) {
        if (provisionId != null) {
            Map<String, Named> byId = new HashMap<>(4);
            jdbc.query(PROVISIONS + " WHERE provision_id = :provisionId",
                    new MapSqlParameterSource("provisionId", provisionId), RowsByName.of(Named.class))
                    .forEach(p -> byId.put(p.provisionId(), p));
            return byId;
        }
        long changes = counters.changes(ProvisionProjection.NAME);
        KeptProvisions kept = keptProvisions;
        if (kept != null && changes >= 0 && kept.changes() == changes) {
            return kept.byId();
        }
        // sized for every provision: their ids differ in a few characters, and crowd a smaller table into chains
        Map<String, Named> byId = new HashMap<>(4096);
        jdbc.getJdbcTemplate().query(PROVISIONS, RowsByName.of(Named.class)).forEach(p -> byId.put(p.provisionId(), p));
        Map<String, Named> read = java.util.Collections.unmodifiableMap(byId);
        if (changes >= 0) {
            keptProvisions = new KeptProvisions(changes, read);
        }
        return read;
    }

    /** Every provision open on the date, by id. */
    public List<ProvisionCapacity> asAt(LocalDate asOf) {
        return read(asOf, null);
    }

    /** The provision's capacity on the date, or null when it is not open then. */
    public ProvisionCapacity asAt(LocalDate asOf, String provisionId) {
        return read(asOf, provisionId).stream().findFirst().orElse(null);
    }

    /** A provision's inclusion figures on a date, as the ledger keeps them. */
    public record Inclusion(String provisionId, String name, String type, String phase, int onRoll,
                            int mainstreamPercentSum, int atOrAboveHalf, Integer adults, Integer qualifiedTeachers,
                            BigDecimal therapyHoursPerWeek, LocalDate staffingFrom) {
    }

    /** The inclusion figures of every provision open on the date, by id. */
    public List<Inclusion> inclusionAsAt(LocalDate asOf) {
        return inclusion(asOf, null);
    }

    /** The provision's inclusion figures on the date, as the ledger keeps them, or null when it is not open then. */
    public Inclusion inclusionAsAt(LocalDate asOf, String provisionId) {
        return inclusion(asOf, provisionId).stream().findFirst().orElse(null);
    }

    private List<Inclusion> inclusion(LocalDate asOf, String provisionId) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", Date.valueOf(asOf))
                .addValue("provisionId", provisionId, java.sql.Types.VARCHAR);
        Map<String, Named> provisions = provisions(provisionId);
        List<Inclusion> rows = new ArrayList<>(provisions.size());
        for (LedgerInclusion c : jdbc.query(provisionId == null ? inclusionSql : inclusionOneSql, params,
                RowsByName.of(LedgerInclusion.class))) {
            Named p = provisions.get(c.provisionId());
            if (p != null) {
                rows.add(new Inclusion(c.provisionId(), p.name(), p.type(), p.phase(), c.onRoll(),
                        c.mainstreamPercentSum(), c.atOrAboveHalf(), c.adults(), c.qualifiedTeachers(),
                        c.therapyHoursPerWeek(), c.staffingFrom()));
            }
        }
        return rows;
    }

    private List<ProvisionCapacity> read(LocalDate asOf, String provisionId) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", Date.valueOf(asOf))
                .addValue("provisionId", provisionId, java.sql.Types.VARCHAR);
        String only = provisionId == null ? "" : " AND provision_id = :provisionId";
        Map<String, List<ProvisionCapacity.Decision>> decisions = jdbc.query(
                        DECISIONS_AS_AT.formatted(only), params,
                        (rs, i) -> Map.entry(rs.getString("provision_id"), new ProvisionCapacity.Decision(
                                rs.getString("placement_id"), rs.getObject("decided_on", LocalDate.class),
                                rs.getInt("places_taken"), rs.getInt("commissioned_places"),
                                rs.getString("decided_by"))))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, Named> provisions = provisions(provisionId);
        List<ProvisionCapacity> rows = new ArrayList<>(provisions.size());
        jdbc.query(provisionId == null ? capacitySql : capacityOneSql, params, rs -> {
            Named p = provisions.get(rs.getString("provision_id"));
            if (p == null) {
                return;
            }
            CapacityFigures figures = new CapacityFigures(1, rs.getInt("commissioned_places"), rs.getInt("on_roll"),
                    rs.getInt("offers_outstanding"), rs.getInt("vacancies"), rs.getInt("over_capacity"),
                    rs.getInt("outside_designated_need"));
            rows.add(new ProvisionCapacity(asOf, p.provisionId(), p.name(), p.type(), p.phase(),
                    Arrays.asList(p.designatedNeeds().split(",")), figures, figures.overCapacity() > 0,
                    decisions.getOrDefault(p.provisionId(), List.of())));
        });
        return rows;
    }
}
