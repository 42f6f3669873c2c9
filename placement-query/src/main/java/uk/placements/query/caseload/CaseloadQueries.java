package uk.placements.query.caseload;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import uk.placements.shared.placement.query.CaseloadItem;
import uk.placements.shared.placement.query.CaseloadPage;
import uk.placements.shared.placement.query.FindCaseload;
import uk.placements.shared.placement.query.FindPlacement;
import uk.placements.shared.placement.query.PlacementView;
import uk.placements.shared.placement.query.PupilView;
import uk.placements.shared.provision.ProvisionId;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Answers caseworkers' questions from the "caseload" read model. */
@Component
public class CaseloadQueries {

    private static final Map<String, String> SORT_COLUMNS = Map.of("referredOn", "p.referred_on",
            "familyName", "p.family_name", "status", "p.status", "yearGroup", "p.year_group",
            "lastChanged", "p.last_recorded_at");
    private static final String ITEM_COLUMNS = """
            p.placement_id, p.version, p.status, p.upn, p.given_name, p.family_name, p.date_of_birth,
            p.pupil_erased, p.year_group, p.primary_need, p.ehcp_status, p.provision_id, p.provision_type,
            p.mainstream_percent, p.below_integration_band, p.outside_designated_need, p.referred_on,
            p.last_recorded_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PlacementTimeline timelines;

    public CaseloadQueries(JdbcTemplate jdbc, Clock clock, PlacementTimeline timelines) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.timelines = timelines;
    }

    @QueryHandler
    public CaseloadPage caseload(FindCaseload query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.status() != null) {
            where.append(" AND p.status = ?");
            args.add(query.status().name());
        }
        if (query.provisionId() != null) {
            where.append(" AND p.provision_id = ?");
            args.add(query.provisionId());
        }
        if (query.need() != null) {
            where.append(" AND p.primary_need = ?");
            args.add(query.need().name());
        }
        if (query.yearGroup() != null) {
            where.append(" AND p.year_group = ?");
            args.add(query.yearGroup());
        }
        if (query.type() != null) {
            where.append(" AND p.provision_type = ?");
            args.add(query.type().name());
        }
        if (query.q() != null && !query.q().isBlank()) {
            String q = query.q().strip();
            if (q.matches("[A-Za-z][0-9]{11}[0-9A-Za-z]")) {
                where.append(" AND p.upn = ?");
                args.add(q.toUpperCase(Locale.ROOT));
            } else {
                where.append(" AND p.search_text LIKE ?");
                args.add("%" + q.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
            }
        }
        long total = total(query, where.toString(), args);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.page() * query.size());
        pageArgs.add(query.size());
        List<CaseloadItem> items = jdbc.query("SELECT " + ITEM_COLUMNS + " FROM rm_placement p" + where
                + " ORDER BY " + orderBy(query) + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                itemMapper(LocalDate.now(clock)), pageArgs.toArray());
        return new CaseloadPage(items, query.page(), query.size(), total);
    }

    /**
     * How many placements match the filters: kept by the projection ({@link CaseloadCounts}), one row per part of
     * the filters' combination, however many placements there are; counted for a search by name or UPN
     * ({@code q}), which cannot be kept, and within one provision (from the index that leads with it: the
     * provision's placements, not the authority's). A provision id that no provision can have matches nothing.
     */
    private long total(FindCaseload query, String where, List<Object> args) {
        if (query.provisionId() != null && !ProvisionId.isValid(query.provisionId())) {
            return 0;
        }
        if ((query.q() != null && !query.q().isBlank()) || query.provisionId() != null) {
            return jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement p" + where, Long.class, args.toArray());
        }
        String key = CaseloadCounts.Filters.key(query.status() == null ? null : query.status().name(),
                query.provisionId(), query.need() == null ? null : query.need().name(),
                query.yearGroup() == null ? null : query.yearGroup().toString(),
                query.type() == null ? null : query.type().name());
        return jdbc.queryForObject("SELECT COALESCE(SUM(placements), 0) FROM rm_caseload_count WHERE filter_key = ?",
                Long.class, key);
    }

    @QueryHandler
    public PlacementView placement(FindPlacement query) {
        List<PlacementView> found = jdbc.query("""
                        SELECT p.*, v.name AS provision_name FROM rm_placement p
                        LEFT JOIN rm_provision v ON v.provision_id = p.provision_id
                        WHERE p.placement_id = ?""",
                (rs, i) -> new PlacementView(rs.getString("placement_id"), rs.getLong("version"),
                        rs.getString("status"), pupil(rs), rs.getInt("year_group"), rs.getString("primary_need"),
                        rs.getString("secondary_needs").isEmpty() ? List.of()
                                : Arrays.asList(rs.getString("secondary_needs").split(",")),
                        rs.getString("ehcp_status"), rs.getString("requested_type"), rs.getString("home_school_urn"),
                        rs.getString("provision_id") == null ? null : new PlacementView.ProvisionRef(
                                rs.getString("provision_id"), rs.getString("provision_name"),
                                rs.getString("provision_type")),
                        (Integer) rs.getObject("mainstream_percent"), rs.getBoolean("below_integration_band"),
                        rs.getBoolean("outside_designated_need"), rs.getString("need_override_reason"),
                        rs.getString("over_capacity_reason") == null ? null : new PlacementView.OverCapacity(
                                rs.getString("over_capacity_reason"), rs.getString("over_capacity_decided_by")),
                        date(rs, "referred_on"), date(rs, "offered_on"), date(rs, "admitted_on"),
                        date(rs, "ended_on"), rs.getString("end_reason"), List.of()),
                query.placementId());
        if (found.isEmpty()) {
            return null;
        }
        PlacementView p = found.get(0);
        // the events the row has folded, no later one: the timeline and the row agree
        List<PlacementView.TimelineEntry> timeline = timelines.upTo(p.id(), p.version());
        return new PlacementView(p.id(), p.version(), p.status(), p.pupil(), p.yearGroup(), p.primaryNeed(),
                p.secondaryNeeds(), p.ehcpStatus(), p.requestedType(), p.homeSchoolUrn(), p.provision(),
                p.mainstreamPercent(), p.belowIntegrationBand(), p.outsideDesignatedNeed(), p.needOverrideReason(),
                p.overCapacityDecision(), p.referredOn(), p.offeredOn(), p.admittedOn(), p.endedOn(), p.endReason(),
                timeline);
    }

    /**
     * The sort column, then the placement id, both ascending or both descending: one index serves each sort column in
     * both directions (V168), read backwards for the other direction, as PostgreSQL and H2 (since 2.3) both can when
     * every column of the order is reversed. In the default order a page of one provision or one status is read from
     * the index that leads with it: it leads the order too (every row of the page has the same value, so the order is
     * the same), or H2 sorts every match. Public for the test that holds each order to its index.
     */
    public static String orderBy(FindCaseload query) {
        String sort = query.sort();
        String key = sort == null || sort.isBlank() ? "-referredOn" : sort;
        boolean descending = key.startsWith("-");
        String column = SORT_COLUMNS.get(descending ? key.substring(1) : key);
        if (column == null) {
            throw new IllegalArgumentException("sort must be one of " + FindCaseload.SORTS
                    + ", with a leading '-' for descending");
        }
        String within = "";
        if (key.equals("-referredOn") && query.provisionId() != null) {
            within = "p.provision_id, ";
        } else if (key.equals("-referredOn") && query.status() != null) {
            within = "p.status, ";
        }
        String direction = descending ? " DESC" : " ASC";
        return within + column + direction + ", p.placement_id" + direction;
    }

    private static RowMapper<CaseloadItem> itemMapper(LocalDate today) {
        return (rs, i) -> {
            LocalDate referred = rs.getDate("referred_on").toLocalDate();
            String status = rs.getString("status");
            return new CaseloadItem(rs.getString("placement_id"), rs.getLong("version"), status, pupil(rs),
                    rs.getInt("year_group"), rs.getString("primary_need"), rs.getString("ehcp_status"),
                    rs.getString("provision_id"), rs.getString("provision_type"),
                    (Integer) rs.getObject("mainstream_percent"), rs.getBoolean("below_integration_band"),
                    rs.getBoolean("outside_designated_need"), referred,
                    "REFERRED".equals(status) ? (int) ChronoUnit.DAYS.between(referred, today) : null,
                    rs.getTimestamp("last_recorded_at").toInstant());
        };
    }

    private static PupilView pupil(ResultSet rs) throws SQLException {
        return new PupilView(rs.getString("upn"), rs.getString("given_name"), rs.getString("family_name"),
                date(rs, "date_of_birth"), rs.getBoolean("pupil_erased"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
