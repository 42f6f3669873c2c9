package uk.placements.query.returns;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.ProvisionType;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SEN2 placements module from the caseload read model ({@code rm_placement}, where the pupils' personal data is
 * opened) and the provisions' host schools ({@code rm_provision}): each placement admitted to a provision in the
 * window of {@link Sen2Census}. Pupils whose personal data was erased are left out and counted.
 */
@Component
public class Sen2PlacementExport {

    /** The column names of the CSV, SEN2's own item names (modules 1 and 5 of the person-level return). */
    public static final List<String> COLUMNS = List.of("UPN", "Surname", "Forename", "PersonBirthDate", "URN",
            "PlacementRank", "EntryDate", "LeavingDate", "SENunitIndicator", "ResourcedProvisionIndicator",
            "SENtype", "SENtypeRank");

    private static final String IN_WINDOW = """
            SELECT p.placement_id, p.pupil_id, p.upn, p.family_name, p.given_name, p.date_of_birth, p.pupil_erased,
                   p.primary_need, p.secondary_needs, p.admitted_on, p.ended_on, p.provision_type, pr.host_urn
            FROM rm_placement p
            JOIN rm_provision pr ON pr.provision_id = p.provision_id
            WHERE p.admitted_on IS NOT NULL AND p.admitted_on <= :census
              AND (p.ended_on IS NULL OR p.ended_on >= :from)
            ORDER BY p.upn, p.admitted_on, p.placement_id""";

    /** One placement of the return; {@code leavingDate} is null while the pupil was still there on census day. */
    public record Placement(String placementId, String pupilId, String upn, String surname, String forename,
                            LocalDate dateOfBirth, String urn, LocalDate entryDate, LocalDate leavingDate,
                            ProvisionType type, List<NeedCode> rankedNeeds) {

        /** The CSV rows of this placement: one per need, SENtypeRank 1 for the primary need. */
        List<List<String>> rows() {
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < rankedNeeds.size(); i++) {
                rows.add(List.of(upn, surname, forename, dateOfBirth.toString(), urn,
                        "1", // the product knows the one setting it placed the pupil in: their main placement
                        entryDate.toString(), leavingDate == null ? "" : leavingDate.toString(),
                        Sen2Codes.indicator(Sen2Codes.senUnit(type)),
                        Sen2Codes.indicator(Sen2Codes.resourcedProvision(type)),
                        Sen2Codes.senType(rankedNeeds.get(i)), Integer.toString(i + 1)));
            }
            return rows;
        }
    }

    /** The placements of the return, and what erasure kept out of it. */
    public record Export(Sen2Census window, List<Placement> placements, int erasedPlacementsExcluded,
                         int erasedPupilsExcluded) {

        public List<List<String>> rows() {
            return placements.stream().flatMap(p -> p.rows().stream()).toList();
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    public Sen2PlacementExport(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Export export(Sen2Census window) {
        List<Placement> placements = new ArrayList<>();
        int[] erasedPlacements = {0};
        Set<String> erasedPupils = new HashSet<>();
        MapSqlParameterSource params = new MapSqlParameterSource("census", Date.valueOf(window.censusDay()))
                .addValue("from", Date.valueOf(window.from()));
        jdbc.query(IN_WINDOW, params, rs -> {
            // no UPN in clear is a pupil whose data is gone: nothing of theirs can be returned
            if (rs.getBoolean("pupil_erased") || rs.getString("upn") == null) {
                erasedPlacements[0]++;
                erasedPupils.add(rs.getString("pupil_id"));
                return;
            }
            LocalDate ended = rs.getDate("ended_on") == null ? null : rs.getDate("ended_on").toLocalDate();
            placements.add(new Placement(rs.getString("placement_id"), rs.getString("pupil_id"), rs.getString("upn"),
                    rs.getString("family_name"), rs.getString("given_name"),
                    rs.getDate("date_of_birth").toLocalDate(), rs.getString("host_urn"),
                    rs.getDate("admitted_on").toLocalDate(),
                    ended == null || ended.isAfter(window.censusDay()) ? null : ended,
                    ProvisionType.valueOf(rs.getString("provision_type")),
                    rankedNeeds(rs.getString("primary_need"), rs.getString("secondary_needs"))));
        });
        return new Export(window, placements, erasedPlacements[0], erasedPupils.size());
    }

    /**
     * The primary need ranks 1. The product records secondary needs as a set, without an order among them, so they
     * rank 2, 3… in the order of SEN2's code list (which is {@link NeedCode}'s): a stable order, not a judgement.
     */
    static List<NeedCode> rankedNeeds(String primary, String secondary) {
        NeedCode first = NeedCode.valueOf(primary);
        List<NeedCode> ranked = new ArrayList<>(List.of(first));
        if (secondary != null && !secondary.isBlank()) {
            Arrays.stream(secondary.split(",")).map(String::strip).map(NeedCode::valueOf).distinct()
                    .filter(n -> n != first).sorted().forEach(ranked::add);
        }
        return ranked;
    }
}
