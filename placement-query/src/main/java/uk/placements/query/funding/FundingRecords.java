package uk.placements.query.funding;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.capacity.LedgerInForce;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.FundingLedger;
import uk.placements.shared.funding.FundingState;
import uk.placements.shared.funding.TariffState;
import uk.placements.shared.funding.TopUpBasis;
import uk.placements.shared.funding.event.BandValueSet;
import uk.placements.shared.funding.event.PlaceRateSet;
import uk.placements.shared.funding.event.ProvisionTopUpRateSet;
import uk.placements.shared.funding.event.TariffEvent;
import uk.placements.shared.funding.event.TopUpAssigned;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the "funding" read model knew at a moment: the tariff, and each admitted placement's stay and top-up
 * assignments, as recorded before {@code knownBefore} (a fact's recording time is its event's timestamp; rows from
 * before recording times were kept count as known since ever). The funding ledger is {@link FundingLedger} applied to
 * these; commissioned places come from the capacity ledger as it stands (it keeps effective dates, not recording
 * times).
 */
@Component
public class FundingRecords {

    private final JdbcTemplate jdbc;
    /**
     * Each provision's capacity-ledger rows in force from a day to a later one: the row in force on the first
     * ({@link LedgerInForce}), then every later row up to the second, each read by the ledger's key.
     */
    private final String capacityBetween;

    public FundingRecords(JdbcTemplate jdbc, LedgerInForce inForce) {
        this.jdbc = jdbc;
        this.capacityBetween = """
                SELECT pr.provision_id, c.effective_from, c.is_open, c.commissioned_places, c.on_roll
                FROM rm_provision pr
                """ + inForce.join("pr", "c", "CAST(? AS DATE)") + """

                UNION ALL
                SELECT pr.provision_id, l.effective_from, l.is_open, l.commissioned_places, l.on_roll
                FROM rm_provision pr
                JOIN rm_capacity_ledger l ON l.provision_id = pr.provision_id
                    AND l.effective_from > CAST(? AS DATE) AND l.effective_from <= CAST(? AS DATE)
                ORDER BY 1, 2""";
    }

    /** An admitted placement as known: its stay (leaving only if recorded by then) and its top-ups so far. */
    public record Placement(String placementId, String provisionId, String primaryNeed, FundingLedger.Stay stay,
                            FundingState funding) {
    }

    /** Which placements: all, one provision's, one host school's, or one placement. */
    public record Scope(String provisionId, String urn, String placementId) {

        public static final Scope ALL = new Scope(null, null, null);

        static Scope provision(String provisionId) {
            return new Scope(provisionId, null, null);
        }

        static Scope school(String urn) {
            return new Scope(null, urn, null);
        }

        static Scope placement(String placementId) {
            return new Scope(null, null, placementId);
        }
    }

    /** The facts as known before {@code knownBefore}. */
    public record Known(Instant knownBefore, TariffState tariff, Map<String, Placement> placements) {

        /** The top-ups of every placement for each month from {@code first} to {@code last}. */
        public List<FundingLedger.TopUpMonth> topUps(Placement placement, YearMonth first, YearMonth last) {
            return FundingLedger.topUps(placement.stay(), placement.funding(), tariff, first, last);
        }
    }

    /**
     * The placements of {@code scope} admitted before {@code staysUntil} (exclusive) whose stay (as known) reaches
     * past {@code staysFrom}, with the tariff, as known before {@code knownBefore}.
     */
    public Known known(Instant knownBefore, Scope scope, LocalDate staysFrom, LocalDate staysUntil) {
        return known(knownBefore, scope, staysFrom, staysUntil, null);
    }

    /**
     * As {@link #known(Instant, Scope, LocalDate, LocalDate)}, and also the placements (whatever their stay) with a
     * fact recorded at or after {@code changedSince}, when given.
     */
    public Known known(Instant knownBefore, Scope scope, LocalDate staysFrom, LocalDate staysUntil,
                       Instant changedSince) {
        Timestamp before = Timestamp.from(knownBefore);
        StringBuilder where = new StringBuilder(" WHERE p.admitted_on IS NOT NULL AND p.admitted_on < ?"
                + " AND (p.admitted_at IS NULL OR p.admitted_at < ?)"
                + " AND (p.left_on IS NULL OR p.left_on > ? OR p.left_at >= ?");
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(staysUntil), before, Date.valueOf(staysFrom),
                before));
        if (changedSince != null) {
            Timestamp since = Timestamp.from(changedSince);
            where.append(" OR p.admitted_at >= ? OR p.left_at >= ? OR EXISTS (SELECT 1 FROM rm_funding_topup c"
                    + " WHERE c.placement_id = p.placement_id AND c.recorded_at >= ?)");
            args.add(since);
            args.add(since);
            args.add(since);
        }
        where.append(")");
        String from = " FROM rm_funding_placement p";
        if (scope.urn() != null) {
            from += " JOIN rm_provision v ON v.provision_id = p.provision_id";
            where.append(" AND v.host_urn = ?");
            args.add(scope.urn());
        }
        if (scope.provisionId() != null) {
            where.append(" AND p.provision_id = ?");
            args.add(scope.provisionId());
        }
        if (scope.placementId() != null) {
            where.append(" AND p.placement_id = ?");
            args.add(scope.placementId());
        }
        Map<String, List<TopUpAssigned>> topUps = new HashMap<>();
        List<Object> topUpArgs = new ArrayList<>(args);
        topUpArgs.add(before);
        jdbc.query("SELECT t.placement_id, p.provision_id, t.basis, t.band, t.effective_from FROM rm_funding_topup t"
                        + " JOIN (SELECT p.placement_id, p.provision_id" + from + where + ") p ON p.placement_id = t.placement_id"
                        + " WHERE (t.recorded_at IS NULL OR t.recorded_at < ?) ORDER BY t.placement_id, t.seq",
                rs -> {
                    String id = rs.getString("placement_id");
                    String band = rs.getString("band");
                    topUps.computeIfAbsent(id, k -> new ArrayList<>()).add(new TopUpAssigned(new PlacementId(id),
                            new ProvisionId(rs.getString("provision_id")), TopUpBasis.valueOf(rs.getString("basis")),
                            band == null ? null : new BandCode(band), rs.getDate("effective_from").toLocalDate(),
                            null, false, null, null, null));
                }, topUpArgs.toArray());
        Map<String, Placement> placements = new LinkedHashMap<>();
        jdbc.query("SELECT p.placement_id, p.provision_id, p.primary_need, p.admitted_on, p.left_on, p.left_at"
                + from + where + " ORDER BY p.placement_id", rs -> {
            String id = rs.getString("placement_id");
            Timestamp leftAt = rs.getTimestamp("left_at");
            Date leftOn = rs.getDate("left_on");
            boolean leftKnown = leftOn != null && (leftAt == null || leftAt.before(before));
            List<TopUpAssigned> assigned = topUps.getOrDefault(id, List.of());
            FundingState funding = new FundingState(assigned.isEmpty() ? null : new PlacementId(id),
                    assigned.size() - 1L, List.copyOf(assigned));
            placements.put(id, new Placement(id, rs.getString("provision_id"), rs.getString("primary_need"),
                    new FundingLedger.Stay(new ProvisionId(rs.getString("provision_id")),
                            rs.getDate("admitted_on").toLocalDate(), leftKnown ? leftOn.toLocalDate() : null),
                    funding));
        }, args.toArray());
        return new Known(knownBefore, tariff(knownBefore), placements);
    }

    /** The tariff folded from its values recorded before {@code knownBefore}, by the tariff's own fold. */
    public TariffState tariff(Instant knownBefore) {
        List<TariffEvent> values = jdbc.query("SELECT kind, item, year_start, amount FROM rm_funding_tariff "
                + "WHERE recorded_at < ? ORDER BY seq", (rs, n) -> {
            String item = rs.getString("item");
            int year = rs.getInt("year_start");
            return switch (rs.getString("kind")) {
                case "PLACE" -> new PlaceRateSet(ProvisionType.valueOf(item), new AcademicYear(year),
                        rs.getBigDecimal("amount"), null, null);
                case "BAND" -> new BandValueSet(new BandCode(item), new FinancialYear(year),
                        rs.getBigDecimal("amount"), null, null);
                default -> new ProvisionTopUpRateSet(new ProvisionId(item), new FinancialYear(year),
                        rs.getBigDecimal("amount"), null, null);
            };
        }, Timestamp.from(knownBefore));
        return TariffState.fold(values);
    }

    /** How many tariff values were recorded before {@code knownBefore} (a correction adds one). */
    public int tariffValues(Instant knownBefore) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM rm_funding_tariff WHERE recorded_at < ?",
                Integer.class, Timestamp.from(knownBefore));
        return n == null ? 0 : n;
    }

    /** A provision as the provisions read model describes it. */
    public record Provision(String provisionId, String name, String type, String phase, String urn, String school) {
    }

    /** Every provision, by id. */
    public Map<String, Provision> provisions() {
        Map<String, Provision> provisions = new TreeMap<>();
        jdbc.query("SELECT provision_id, name, type, phase, host_urn, host_name FROM rm_provision", rs -> {
            provisions.put(rs.getString("provision_id"), new Provision(rs.getString("provision_id"),
                    rs.getString("name"), rs.getString("type"), rs.getString("phase"), rs.getString("host_urn"),
                    rs.getString("host_name")));
        });
        return provisions;
    }

    /** A provision's figures from {@code from} on, as the capacity ledger records them. */
    public record CapacityFrom(LocalDate from, boolean open, int commissioned, int onRoll) {
    }

    /**
     * Each provision's capacity ledger rows from {@code from} to {@code until} (both included), by effective date:
     * the row in force on {@code from}, if any, then every later one up to {@code until}. Enough for {@link
     * #placeDays} of any month and {@link #on} any day between the two, and read by the ledger's key, so that it
     * costs what the window holds, not what the history holds.
     */
    public Map<String, List<CapacityFrom>> capacity(LocalDate from, LocalDate until) {
        Map<String, List<CapacityFrom>> ledger = new TreeMap<>();
        jdbc.query(capacityBetween, rs -> {
            ledger.computeIfAbsent(rs.getString("provision_id"), k -> new ArrayList<>()).add(new CapacityFrom(
                    rs.getDate("effective_from").toLocalDate(), rs.getBoolean("is_open"),
                    rs.getInt("commissioned_places"), rs.getInt("on_roll")));
        }, Date.valueOf(from), Date.valueOf(from), Date.valueOf(until));
        return ledger;
    }

    /** The commissioned places of an open provision summed over the days of {@code month}. */
    public static long placeDays(List<CapacityFrom> rows, YearMonth month) {
        long total = 0;
        long first = month.atDay(1).toEpochDay();
        long end = first + month.lengthOfMonth(); // the first day after the month
        for (int i = 0; i < rows.size(); i++) {
            CapacityFrom row = rows.get(i);
            long from = Math.max(row.from().toEpochDay(), first);
            long next = i + 1 < rows.size() ? rows.get(i + 1).from().toEpochDay() : end;
            long to = Math.min(next, end);
            if (row.open() && from < to) {
                total += (long) row.commissioned() * (to - from);
            }
        }
        return total;
    }

    /** The ledger row in force on {@code day}, if any. */
    public static CapacityFrom on(List<CapacityFrom> rows, LocalDate day) {
        CapacityFrom found = null;
        for (CapacityFrom row : rows) {
            if (!row.from().isAfter(day)) {
                found = row;
            }
        }
        return found;
    }

    static boolean sameFacts(Placement a, Placement b) {
        return a != null && b != null && Objects.equals(a.stay(), b.stay())
                && a.funding().assignments().size() == b.funding().assignments().size();
    }
}
