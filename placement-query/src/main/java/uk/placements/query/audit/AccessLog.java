package uk.placements.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every read of a pupil's personal data (caseload, placement, history): who, which pupil (by pseudonymous
 * id), when and through which endpoint, and lets auditors search it.
 * <p>
 * A read records its rows in {@code access_log_pending}, committed before the answer is sent; {@link
 * AccessLogFiling} moves them into {@code access_log} in batches (V178). A search reads both, in one statement, so
 * a row is found whether or not it has been filed yet, and once only.
 */
@Component
public class AccessLog {

    public record Entry(Instant accessedAt, String userId, String pupilId, String placementId, String endpoint) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that {@code user} was shown the personal data of the pupils of these placements (erased pupils show
     * nothing and are not recorded). {@code endpoint} is the path only: a query string may hold a name or UPN.
     */
    public void recordPlacements(String user, String endpoint, List<String> placementIds) {
        if (placementIds.isEmpty()) {
            return;
        }
        String path = endpoint.length() > 200 ? endpoint.substring(0, 200) : endpoint;
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(clock.instant()), user, path));
        args.addAll(placementIds);
        jdbc.update("INSERT INTO access_log_pending (accessed_at, user_id, pupil_id, placement_id, endpoint) "
                + "SELECT ?, ?, pupil_id, placement_id, ? FROM rm_placement WHERE pupil_erased = FALSE "
                + "AND placement_id IN (" + String.join(", ", java.util.Collections.nCopies(placementIds.size(), "?"))
                + ")", args.toArray());
    }

    /** The pupil ids the caseload knows for a UPN (none once erased). */
    public List<String> pupilsWithUpn(String upn) {
        return jdbc.queryForList("SELECT DISTINCT pupil_id FROM rm_placement WHERE upn = ?", String.class, upn);
    }

    /**
     * Every filter is optional; newest first, at most {@code limit} entries: the rows not yet filed ({@link
     * AccessLogFiling}), then the filed ones, each newest first by the order they were recorded (filing keeps it).
     */
    public List<Entry> search(List<String> pupilIds, String user, Instant from, Instant to, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> filters = new ArrayList<>();
        if (pupilIds != null) {
            if (pupilIds.isEmpty()) {
                return List.of();
            }
            where.append(" AND pupil_id IN (").append(String.join(", ",
                    java.util.Collections.nCopies(pupilIds.size(), "?"))).append(")");
            filters.addAll(pupilIds);
        }
        if (user != null) {
            where.append(" AND user_id = ?");
            filters.add(user);
        }
        if (from != null) {
            where.append(" AND accessed_at >= ?");
            filters.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND accessed_at < ?");
            filters.add(Timestamp.from(to));
        }
        // each table's newest rows by its own key, then the two together: one statement, one snapshot, so that a
        // batch filed meanwhile is seen in one table or the other, never in both or neither
        String part = "SELECT * FROM (SELECT %d AS part, id, accessed_at, user_id, pupil_id, placement_id, endpoint "
                + "FROM %s" + where + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY) %s";
        List<Object> args = new ArrayList<>(filters);
        args.add(limit);
        args.addAll(filters);
        args.add(limit);
        args.add(limit);
        return jdbc.query("SELECT accessed_at, user_id, pupil_id, placement_id, endpoint FROM ("
                        + part.formatted(1, "access_log_pending", "pending") + " UNION ALL "
                        + part.formatted(0, "access_log", "filed")
                        + ") recorded ORDER BY part DESC, id DESC FETCH FIRST ? ROWS ONLY",
                (rs, i) -> new Entry(rs.getTimestamp("accessed_at").toInstant(), rs.getString("user_id"),
                        rs.getString("pupil_id"), rs.getString("placement_id"), rs.getString("endpoint")),
                args.toArray());
    }
}
