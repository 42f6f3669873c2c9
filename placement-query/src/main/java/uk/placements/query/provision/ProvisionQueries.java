package uk.placements.query.provision;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import uk.placements.shared.provision.query.FindProvision;
import uk.placements.shared.provision.query.FindProvisions;
import uk.placements.shared.provision.query.ProvisionPage;
import uk.placements.shared.provision.query.ProvisionView;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Answers questions about provisions: the "provisions" read model with capacity counted from the caseload. */
@Component
public class ProvisionQueries {

    private static final String SELECT = """
            SELECT v.*,
                (SELECT COUNT(*) FROM rm_placement p WHERE p.provision_id = v.provision_id
                    AND p.status = 'ADMITTED') AS on_roll,
                (SELECT COUNT(*) FROM rm_placement p WHERE p.provision_id = v.provision_id
                    AND p.status = 'OFFERED') AS offers
            FROM rm_provision v""";

    private final JdbcTemplate jdbc;

    public ProvisionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ProvisionView provision(FindProvision query) {
        return jdbc.query(SELECT + " WHERE v.provision_id = ?", MAPPER, query.provisionId()).stream().findFirst()
                .orElse(null);
    }

    @QueryHandler
    public ProvisionPage provisions(FindProvisions query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.type() != null) {
            where.append(" AND v.type = ?");
            args.add(query.type().name());
        }
        if (query.phase() != null) {
            where.append(" AND v.phase = ?");
            args.add(query.phase().name());
        }
        if (query.status() != null) {
            where.append(" AND v.status = ?");
            args.add(query.status().name());
        }
        if (query.need() != null) {
            where.append(" AND (',' || v.designated_needs || ',') LIKE ?");
            args.add("%," + query.need().name() + ",%");
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM rm_provision v" + where, Long.class, args.toArray());
        args.add(query.page() * query.size());
        args.add(query.size());
        List<ProvisionView> items = jdbc.query(SELECT + where + " ORDER BY v.provision_id OFFSET ? ROWS FETCH NEXT ? "
                + "ROWS ONLY", MAPPER, args.toArray());
        return new ProvisionPage(items, query.page(), query.size(), total);
    }

    private static final RowMapper<ProvisionView> MAPPER = (rs, i) -> {
        int commissioned = rs.getInt("commissioned_places");
        int onRoll = rs.getInt("on_roll");
        int offers = rs.getInt("offers");
        Date closed = rs.getDate("closed_on");
        Date staffingFrom = rs.getDate("staffing_from");
        BigDecimal therapy = rs.getBigDecimal("therapy_hours_per_week");
        return new ProvisionView(rs.getString("provision_id"), rs.getLong("version"), rs.getString("name"),
                rs.getString("type"), rs.getString("phase"),
                new ProvisionView.HostSchool(rs.getString("host_urn"), rs.getString("host_name")),
                rs.getInt("lowest_year"), rs.getInt("highest_year"),
                Arrays.asList(rs.getString("designated_needs").split(",")), rs.getString("status"),
                rs.getDate("opened_on").toLocalDate(), closed == null ? null : closed.toLocalDate(), commissioned,
                onRoll, offers, Math.max(0, commissioned - onRoll - offers),
                Math.max(0, onRoll + offers - commissioned),
                new ProvisionView.Staffing((Integer) rs.getObject("adults"),
                        (Integer) rs.getObject("qualified_teachers"), therapy,
                        staffingFrom == null ? null : staffingFrom.toLocalDate()));
    };
}
