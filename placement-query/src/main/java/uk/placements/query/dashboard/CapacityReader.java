package uk.placements.query.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.RowsByName;
import uk.placements.query.capacity.LedgerInForce;
import uk.placements.shared.dashboard.CapacityFigures;
import uk.placements.shared.dashboard.ProvisionCapacity;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Capacity and inclusion figures as at a date, read from the capacity ledger: per provision open on the date, its
 * ledger row in force then (the greatest effective_from on or before it, {@link LedgerInForce}), one row per
 * provision however long the history. The ledger keeps every figure read here, vacancies and over-capacity among them
 * (V178), so both are read from the tables the reporting views show, never through a view: H2 runs a view in a join
 * once for every row of the outer query (a quarter of a cold inclusion dashboard's samples on 100,000 events), and on
 * H2 a provision whose latest row is in force is read from that row alone ({@link LedgerInForce#selectInForce}).
 * {@link #capacityAsAtSql()} gives the rows of the view {@code report_capacity_now} for the date as a parameter
 * instead of CURRENT_DATE. The dashboards, the live stream and capacity.csv all read here, so they cannot disagree
 * with the view or with each other.
 */
@Component
public class CapacityReader {

    /** The rows of report_capacity_now on {@code :asOf} ({@link #capacityAsAtSql}), ordered by provision id. */
    private final String capacitySql;

    /** {@link #capacitySql} of one provision ({@code :provisionId}). */
    private final String capacityOneSql;

    /** The inclusion figures the ledger keeps: mainstream percents over the pupils on roll, and staffing. */
    private final String inclusionSql;

    /** {@link #inclusionSql} of one provision ({@code :provisionId}). */
    private final String inclusionOneSql;

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

    public CapacityReader(NamedParameterJdbcTemplate jdbc, LedgerInForce inForce) {
        this.jdbc = jdbc;
        // each provision open on :asOf (pr) and its ledger row in force then (c)
        String capacity = """
                SELECT CAST(:asOf AS DATE) AS as_of, pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs,
                       c.commissioned_places, c.on_roll, c.offers_outstanding, c.vacancies, c.over_capacity,
                       c.outside_designated_need
                FROM rm_provision pr""";
        this.capacitySql = inForce.selectInForce(capacity, "pr", "c", "CAST(:asOf AS DATE)", "WHERE c.is_open")
                + " ORDER BY provision_id";
        this.capacityOneSql = inForce.selectInForce(capacity, "pr", "c", "CAST(:asOf AS DATE)",
                "WHERE c.is_open AND pr.provision_id = :provisionId");
        String inclusion = """
                SELECT pr.provision_id, pr.name, pr.type, pr.phase, c.on_roll, c.mainstream_percent_sum,
                       c.at_or_above_half, c.adults, c.qualified_teachers, c.therapy_hours_per_week, c.staffing_from
                FROM rm_provision pr""";
        this.inclusionSql = inForce.selectInForce(inclusion, "pr", "c", "CAST(:asOf AS DATE)", "WHERE c.is_open")
                + " ORDER BY provision_id";
        this.inclusionOneSql = inForce.selectInForce(inclusion, "pr", "c", "CAST(:asOf AS DATE)",
                "WHERE c.is_open AND pr.provision_id = :provisionId");
    }

    /**
     * The rows of the view {@code report_capacity_now} with the date as the parameter {@code :asOf} instead of
     * CURRENT_DATE, ordered by provision id.
     */
    public String capacityAsAtSql() {
        return capacitySql;
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
        return jdbc.query(inclusionSql, new MapSqlParameterSource("asOf", Date.valueOf(asOf)),
                RowsByName.of(Inclusion.class));
    }

    /** The provision's inclusion figures on the date, as the ledger keeps them, or null when it is not open then. */
    public Inclusion inclusionAsAt(LocalDate asOf, String provisionId) {
        return jdbc.query(inclusionOneSql, new MapSqlParameterSource("asOf", Date.valueOf(asOf))
                        .addValue("provisionId", provisionId), RowsByName.of(Inclusion.class))
                .stream().findFirst().orElse(null);
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
        return jdbc.query(provisionId == null ? capacitySql : capacityOneSql, params, (rs, i) -> {
            String id = rs.getString("provision_id");
            CapacityFigures figures = new CapacityFigures(1, rs.getInt("commissioned_places"), rs.getInt("on_roll"),
                    rs.getInt("offers_outstanding"), rs.getInt("vacancies"), rs.getInt("over_capacity"),
                    rs.getInt("outside_designated_need"));
            return new ProvisionCapacity(asOf, id, rs.getString("name"), rs.getString("type"), rs.getString("phase"),
                    Arrays.asList(rs.getString("designated_needs").split(",")), figures,
                    figures.overCapacity() > 0, decisions.getOrDefault(id, List.of()));
        });
    }
}
