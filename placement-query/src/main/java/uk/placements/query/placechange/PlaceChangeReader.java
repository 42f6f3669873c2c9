package uk.placements.query.placechange;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.capacity.LedgerInForce;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.PlaceChangeReason;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The place-change return for an academic year, read from three read models: the returns ("place-change"), the
 * provisions ("provisions": name, type, host school) and the capacity ledger ("capacity-ledger": the places on 1
 * September of the academic year before, for the provisions still to return; a return shows the places it was
 * made against). In scope: every provision not closed on or before the first day of the year returned for, and
 * every provision that made a return.
 */
@Component
public class PlaceChangeReader {

    private final JdbcTemplate jdbc;
    /** Each provision's commissioned places on a day ({@code ?}), from its ledger row in force that day. */
    private final String placesOn;

    public PlaceChangeReader(JdbcTemplate jdbc, LedgerInForce inForce) {
        this.jdbc = jdbc;
        this.placesOn = "SELECT pr.provision_id, c.commissioned_places FROM rm_provision pr\n"
                + inForce.join("pr", "c", "CAST(? AS DATE)");
    }

    public PlaceChangeViews.PlaceChangeReturn read(AcademicYear year) {
        AcademicYear placesYear = new AcademicYear(year.startYear() - 1);
        Map<String, Integer> placesOn = placesOn(Date.valueOf(placesYear.firstDay()));
        List<PlaceChangeViews.ProvisionReturn> returns = new ArrayList<>();
        List<PlaceChangeViews.OutstandingReturn> outstanding = new ArrayList<>();
        jdbc.query("""
                SELECT v.provision_id, v.name, v.type, v.host_urn, v.host_name, c.current_places,
                       c.requested_places, c.nil_return, c.reason, c.note, c.correction, c.correction_reason,
                       c.recorded_at, c.recorded_by
                FROM rm_provision v
                LEFT JOIN rm_place_change c ON c.provision_id = v.provision_id AND c.academic_year = ?
                WHERE c.provision_id IS NOT NULL OR v.closed_on IS NULL OR v.closed_on > ?
                ORDER BY v.provision_id
                """, rs -> {
            String id = rs.getString("provision_id");
            ProvisionType type = ProvisionType.valueOf(rs.getString("type"));
            if (rs.getObject("current_places") == null) {
                outstanding.add(new PlaceChangeViews.OutstandingReturn(id, rs.getString("name"), type,
                        rs.getString("host_urn"), rs.getString("host_name"), placesOn.getOrDefault(id, 0)));
                return;
            }
            int current = rs.getInt("current_places");
            int requested = rs.getInt("requested_places");
            String reason = rs.getString("reason");
            returns.add(new PlaceChangeViews.ProvisionReturn(id, rs.getString("name"), type, rs.getString("host_urn"),
                    rs.getString("host_name"), current, requested, requested - current,
                    reason == null ? null : PlaceChangeReason.valueOf(reason), rs.getString("note"),
                    rs.getBoolean("nil_return"), rs.getBoolean("correction"), rs.getString("correction_reason"),
                    rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")));
        }, year.toString(), Date.valueOf(year.firstDay()));
        return new PlaceChangeViews.PlaceChangeReturn(year.toString(), placesYear.toString(), placesYear.firstDay(),
                returns, outstanding);
    }

    /** Each provision's commissioned places on {@code day}, from its ledger row in force that day. */
    private Map<String, Integer> placesOn(Date day) {
        Map<String, Integer> places = new HashMap<>();
        jdbc.query(placesOn, rs -> {
            places.put(rs.getString(1), rs.getInt(2));
        }, day);
        return places;
    }
}
