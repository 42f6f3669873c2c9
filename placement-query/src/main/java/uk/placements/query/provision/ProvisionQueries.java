package uk.placements.query.provision;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import uk.placements.query.capacity.LedgerInForce;
import uk.placements.shared.common.BaseModel;
import uk.placements.shared.provision.query.FindProvision;
import uk.placements.shared.provision.query.FindProvisions;
import uk.placements.shared.provision.query.ProvisionPage;
import uk.placements.shared.provision.query.ProvisionView;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers questions about provisions: the "provisions" read model with its capacity today from the capacity ledger
 * ({@code rm_capacity_ledger}), as the dashboards and the live stream read it; for a provision that opens later,
 * as it opens. The two are projected apart: a view's version is the older of the two models' versions of the
 * provision, so that {@code minVersion} waits for both; until the ledger has the provision at all, its commissioned
 * places as recorded and nothing taken.
 */
@Component
public class ProvisionQueries {

    /**
     * Each provision, the sequence its capacity has been seen to ({@code seen_version}), and its ledger row in force
     * today, or on the day it opens if that is later ({@link LedgerInForce}); a provision without one keeps its
     * commissioned places as recorded.
     */
    private final String select;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProvisionQueries(JdbcTemplate jdbc, Clock clock, LedgerInForce inForce) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.select = """
                SELECT v.*, CASE WHEN cp.version < v.version THEN cp.version ELSE v.version END AS seen_version,
                    COALESCE(c.commissioned_places, v.commissioned_places) AS places,
                    COALESCE(c.on_roll, 0) AS on_roll, COALESCE(c.offers_outstanding, 0) AS offers,
                    COALESCE(c.vacancies, v.commissioned_places) AS vacancies,
                    COALESCE(c.over_capacity, 0) AS over_capacity
                FROM rm_provision v
                LEFT JOIN rm_capacity_provision cp ON cp.provision_id = v.provision_id
                """ + inForce.join("v", "c",
                "CASE WHEN v.opened_on > CAST(? AS DATE) THEN v.opened_on ELSE CAST(? AS DATE) END", true);
    }

    /** The arguments of {@link #select}: today, twice. */
    private List<Object> today() {
        Date today = Date.valueOf(LocalDate.now(clock));
        return new ArrayList<>(List.of(today, today));
    }

    @QueryHandler
    public ProvisionView provision(FindProvision query) {
        List<Object> args = today();
        args.add(query.provisionId());
        return jdbc.query(select + " WHERE v.provision_id = ?", MAPPER, args.toArray()).stream().findFirst()
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
        args.addAll(0, today());
        List<ProvisionView> items = jdbc.query(select + where + " ORDER BY v.provision_id OFFSET ? ROWS FETCH NEXT ? "
                + "ROWS ONLY", MAPPER, args.toArray());
        return new ProvisionPage(items, query.page(), query.size(), total);
    }

    private static final RowMapper<ProvisionView> MAPPER = (rs, i) -> {
        int commissioned = rs.getInt("places");
        int onRoll = rs.getInt("on_roll");
        int offers = rs.getInt("offers");
        Date closed = rs.getDate("closed_on");
        Date staffingFrom = rs.getDate("staffing_from");
        BigDecimal therapy = rs.getBigDecimal("therapy_hours_per_week");
        return new ProvisionView(rs.getString("provision_id"), rs.getLong("seen_version"), rs.getString("name"),
                rs.getString("type"), rs.getString("phase"),
                new ProvisionView.HostSchool(rs.getString("host_urn"), rs.getString("host_name")),
                rs.getInt("lowest_year"), rs.getInt("highest_year"),
                Arrays.asList(rs.getString("designated_needs").split(",")), rs.getString("status"),
                rs.getDate("opened_on").toLocalDate(), closed == null ? null : closed.toLocalDate(), commissioned,
                onRoll, offers, rs.getInt("vacancies"), rs.getInt("over_capacity"),
                new ProvisionView.Staffing((Integer) rs.getObject("adults"),
                        (Integer) rs.getObject("qualified_teachers"), therapy,
                        staffingFrom == null ? null : staffingFrom.toLocalDate()),
                rs.getString("base_model") == null ? null : BaseModel.valueOf(rs.getString("base_model")));
    };
}
