package uk.placements.query.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.shared.dashboard.CapacityFigures;
import uk.placements.shared.dashboard.ProvisionCapacity;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Capacity as at a date, read from the reporting views with the very query of the view {@code report_capacity_now}
 * (V101__reporting_views.sql), the date as a parameter instead of CURRENT_DATE. The dashboard, the live stream and
 * capacity.csv all read here, so they cannot disagree with the view or with each other.
 */
@Component
public class CapacityReader {

    /** The body of report_capacity_now, with CURRENT_DATE replaced by the date asked for. */
    public static final String CAPACITY_AS_AT = """
            SELECT CAST(:asOf AS DATE) AS as_of, pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs,
                   pl.commissioned_places,
                   COUNT(CASE WHEN pp.status = 'ADMITTED' THEN 1 END) AS on_roll,
                   COUNT(CASE WHEN pp.status = 'OFFERED' THEN 1 END) AS offers_outstanding,
                   GREATEST(0, pl.commissioned_places - COUNT(pp.placement_id)) AS vacancies,
                   GREATEST(0, COUNT(pp.placement_id) - pl.commissioned_places) AS over_capacity,
                   COUNT(CASE WHEN pp.outside_designated_need THEN 1 END) AS outside_designated_need
            FROM report_provision pr
            JOIN report_provision_change pl ON pl.provision_id = pr.provision_id AND pl.kind IN ('OPENED', 'PLACES')
                AND pl.effective_from <= CAST(:asOf AS DATE)
                AND NOT EXISTS (SELECT 1 FROM report_provision_change later
                    WHERE later.provision_id = pl.provision_id AND later.kind IN ('OPENED', 'PLACES')
                    AND later.effective_from <= CAST(:asOf AS DATE)
                    AND (later.effective_from > pl.effective_from
                        OR (later.effective_from = pl.effective_from AND later.seq > pl.seq)))
            LEFT JOIN report_placement_period pp ON pp.provision_id = pr.provision_id
                AND pp.status IN ('OFFERED', 'ADMITTED')
                AND pp.valid_from <= CAST(:asOf AS DATE)
                AND (pp.valid_to IS NULL OR pp.valid_to > CAST(:asOf AS DATE))
            WHERE pr.opened_on <= CAST(:asOf AS DATE)
                AND NOT EXISTS (SELECT 1 FROM report_provision_change closing
                    WHERE closing.provision_id = pr.provision_id AND closing.kind = 'CLOSED'
                    AND closing.effective_from <= CAST(:asOf AS DATE))
            GROUP BY pr.provision_id, pr.name, pr.type, pr.phase, pr.designated_needs, pl.commissioned_places""";

    /** The decisions of placements holding a place at the provision on the date (offered or admitted). */
    private static final String DECISIONS_AS_AT = """
            SELECT d.provision_id, d.placement_id, d.decided_on, d.places_taken, d.commissioned_places, d.decided_by
            FROM report_over_capacity_decision d
            JOIN report_placement_period pp ON pp.placement_id = d.placement_id AND pp.provision_id = d.provision_id
                AND pp.status IN ('OFFERED', 'ADMITTED') AND pp.over_capacity
                AND pp.valid_from <= CAST(:asOf AS DATE)
                AND (pp.valid_to IS NULL OR pp.valid_to > CAST(:asOf AS DATE))
            WHERE d.decided_on <= CAST(:asOf AS DATE)
            ORDER BY d.provision_id, d.decided_on, d.seq""";

    private final NamedParameterJdbcTemplate jdbc;

    public CapacityReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every provision open on the date, by id. */
    public List<ProvisionCapacity> asAt(LocalDate asOf) {
        return read(asOf, null);
    }

    /** The provision's capacity on the date, or null when it is not open then. */
    public ProvisionCapacity asAt(LocalDate asOf, String provisionId) {
        return read(asOf, provisionId).stream().findFirst().orElse(null);
    }

    private List<ProvisionCapacity> read(LocalDate asOf, String provisionId) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", Date.valueOf(asOf))
                .addValue("provisionId", provisionId, java.sql.Types.VARCHAR);
        String only = provisionId == null ? "" : " AND d.provision_id = :provisionId";
        Map<String, List<ProvisionCapacity.Decision>> decisions = jdbc.query(
                        DECISIONS_AS_AT.replace("ORDER BY", only.strip() + " ORDER BY"), params,
                        (rs, i) -> Map.entry(rs.getString("provision_id"), new ProvisionCapacity.Decision(
                                rs.getString("placement_id"), rs.getDate("decided_on").toLocalDate(),
                                rs.getInt("places_taken"), rs.getInt("commissioned_places"),
                                rs.getString("decided_by"))))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        // One provision: a further condition on the outer WHERE, which ends just before GROUP BY.
        String sql = provisionId == null ? CAPACITY_AS_AT
                : CAPACITY_AS_AT.replace("GROUP BY", "AND pr.provision_id = :provisionId\nGROUP BY");
        return jdbc.query(sql + " ORDER BY pr.provision_id", params, (rs, i) -> {
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
