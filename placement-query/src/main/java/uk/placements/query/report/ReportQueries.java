package uk.placements.query.report;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.dashboard.CapacityReader;
import uk.placements.shared.dashboard.GetReport;
import uk.placements.shared.dashboard.Report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV reports, read from the reporting views (V101) and nothing else, so a report and an analyst's own query of
 * the views always agree. The views hold no personal data; the pupil appears as the placement id only.
 */
@Component
public class ReportQueries {

    /** Every placement open (referred, offered or admitted) on the date, in the state it was in then. */
    static final String PLACEMENTS_AS_AT = """
            SELECT pp.placement_id, pp.status, pp.valid_from AS status_since, pp.year_group, pp.primary_need,
                   pp.ehcp_status, pp.provision_id, pp.provision_type, pp.mainstream_percent,
                   pp.below_integration_band, pp.outside_designated_need, pp.over_capacity, pp.referred_on,
                   pp.offered_on, pp.admitted_on
            FROM report_placement_period pp
            WHERE pp.status IN ('REFERRED', 'OFFERED', 'ADMITTED')
                AND pp.valid_from <= CAST(:asOf AS DATE)
                AND (pp.valid_to IS NULL OR pp.valid_to > CAST(:asOf AS DATE))
            ORDER BY pp.placement_id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final CapacityReader capacity;

    public ReportQueries(NamedParameterJdbcTemplate jdbc, CapacityReader capacity) {
        this.jdbc = jdbc;
        this.capacity = capacity;
    }

    @QueryHandler
    public Report handle(GetReport query) {
        String sql = switch (query.kind()) {
            case PLACEMENTS -> PLACEMENTS_AS_AT;
            case CAPACITY -> capacity.capacityAsAtSql();
        };
        return jdbc.query(sql, new MapSqlParameterSource("asOf", Date.valueOf(query.asOf())), ReportQueries::table);
    }

    private static Report table(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.add(meta.getColumnLabel(c).toLowerCase());
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= columns.size(); c++) {
                Object value = rs.getObject(c);
                row.add(value == null ? "" : value.toString());
            }
            rows.add(row);
        }
        return new Report(columns, rows);
    }
}
