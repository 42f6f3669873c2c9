package uk.placements.query.scap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.capacity.LedgerInForce;
import uk.placements.query.scap.ScapForecast.Exit;
import uk.placements.query.scap.ScapForecast.Fact;
import uk.placements.query.scap.ScapForecast.ProvisionPlaces;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionType;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SCAP figures from the read models (docs/returns.md, "SCAP"): capacity from the capacity ledger (the row in
 * force on the date, {@code rm_capacity_ledger}, the one source of capacity) and the provisions' host schools, year
 * ranges and needs ({@code rm_provision}); the forecast's history from the caseload ({@code rm_placement}: need, year
 * group, EHC plan status and the dates of referral and leaving, no personal data).
 */
@Component
public class ScapReturns {

    /** Each provision open on :asOf, its host school, year range and needs, and its ledger row in force then. */
    private final String openProvisions;

    /** Every placement referred on or before :asOf, as the forecast needs it. */
    private static final String HISTORY = """
            SELECT primary_need, year_group, ehcp_status, referred_on, status, ended_on, end_reason
            FROM rm_placement
            WHERE referred_on <= CAST(:asOf AS DATE)""";

    private final NamedParameterJdbcTemplate jdbc;

    public ScapReturns(NamedParameterJdbcTemplate jdbc, LedgerInForce inForce) {
        this.jdbc = jdbc;
        this.openProvisions = """
                SELECT pr.provision_id, pr.host_urn, pr.host_name, pr.type, pr.lowest_year, pr.highest_year,
                       pr.designated_needs, c.commissioned_places, c.on_roll
                FROM rm_provision pr
                """ + inForce.join("pr", "c", "CAST(:asOf AS DATE)") + """

                WHERE c.is_open
                ORDER BY pr.host_urn, pr.type, pr.provision_id""";
    }

    private record Open(String provisionId, String urn, String schoolName, ProvisionType type, int lowestYear,
                        int highestYear, List<NeedCode> needs, int places, int onRoll) {
    }

    private List<Open> open(LocalDate asOf) {
        return jdbc.query(openProvisions, new MapSqlParameterSource("asOf", Date.valueOf(asOf)), (rs, i) ->
                new Open(rs.getString("provision_id"), rs.getString("host_urn"), rs.getString("host_name"),
                        ProvisionType.valueOf(rs.getString("type")), rs.getInt("lowest_year"),
                        rs.getInt("highest_year"), Arrays.stream(rs.getString("designated_needs").split(","))
                        .filter(s -> !s.isBlank()).map(NeedCode::valueOf).toList(),
                        rs.getInt("commissioned_places"), rs.getInt("on_roll")));
    }

    /** SCAP's kinds of specialist provision in a mainstream school, as GIAS names them too. */
    static String scapKind(ProvisionType type) {
        return switch (type) {
            case SEN_UNIT -> "SEN unit";
            case RESOURCE_BASE -> "Resourced provision";
        };
    }

    public ScapCapacityReturn capacity(LocalDate asOf) {
        Map<String, List<Open>> bySchoolAndKind = new LinkedHashMap<>();
        for (Open o : open(asOf)) {
            bySchoolAndKind.computeIfAbsent(o.urn() + "|" + scapKind(o.type()), k -> new ArrayList<>()).add(o);
        }
        List<ScapCapacityReturn.School> rows = new ArrayList<>();
        int capacity = 0;
        int onRoll = 0;
        for (List<Open> group : bySchoolAndKind.values()) {
            int[] byPhase = new int[ScapPhase.values().length];
            int places = 0;
            int pupils = 0;
            List<String> ids = new ArrayList<>();
            for (Open o : group) {
                int[] split = ScapForecast.wholePlacesByPhase(o.places(), o.lowestYear(), o.highestYear());
                for (int i = 0; i < byPhase.length; i++) {
                    byPhase[i] += split[i];
                }
                places += o.places();
                pupils += o.onRoll();
                ids.add(o.provisionId());
            }
            Open first = group.get(0);
            rows.add(new ScapCapacityReturn.School(first.urn(), first.schoolName(), scapKind(first.type()), places,
                    byPhase[ScapPhase.PRIMARY.ordinal()], byPhase[ScapPhase.SECONDARY.ordinal()],
                    byPhase[ScapPhase.POST_16.ordinal()], pupils, List.copyOf(ids)));
            capacity += places;
            onRoll += pupils;
        }
        long schools = rows.stream().map(ScapCapacityReturn.School::urn).distinct().count();
        return new ScapCapacityReturn(asOf, (int) schools, capacity, onRoll, List.copyOf(rows));
    }

    public ScapForecast.DemandForecast forecast(LocalDate asOf) {
        List<Fact> history = jdbc.query(HISTORY, new MapSqlParameterSource("asOf", Date.valueOf(asOf)), (rs, i) -> {
            PlacementStatus status = PlacementStatus.valueOf(rs.getString("status"));
            Date ended = rs.getDate("ended_on");
            Exit exit = switch (status) {
                case REFERRED, OFFERED, ADMITTED -> null;
                case MOVED_TO_MAINSTREAM -> Exit.MOVED_TO_MAINSTREAM;
                case WITHDRAWN -> Exit.WITHDRAWN;
                case ENDED -> EndReason.PHASE_TRANSFER.name().equals(rs.getString("end_reason"))
                        ? Exit.ENDED_AT_PHASE_TRANSFER : Exit.ENDED;
            };
            return new Fact(NeedCode.valueOf(rs.getString("primary_need")), rs.getInt("year_group"),
                    EhcpStatus.valueOf(rs.getString("ehcp_status")), rs.getDate("referred_on").toLocalDate(),
                    exit == null || ended == null ? null : ended.toLocalDate(), ended == null ? null : exit);
        });
        return ScapForecast.forecast(history, asOf, day -> open(day).stream()
                .map(o -> new ProvisionPlaces(o.provisionId(), o.lowestYear(), o.highestYear(), o.needs(),
                        o.places())).toList());
    }
}
