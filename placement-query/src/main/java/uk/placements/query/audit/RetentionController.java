package uk.placements.query.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The retention report: pupils whose SEN file has passed its retention period (date of birth + 31 years, IRMS
 * toolkit) and who are not erased yet. Pupils by pseudonymous id, with their placements, so an administrator can
 * review them and erase.
 */
@RestController
@Tag(name = "Administration")
public class RetentionController {

    static final int RETENTION_YEARS = 31;

    public record PastRetention(String pupilId, LocalDate retainUntil, List<String> placementIds) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RetentionController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping(path = "/api/admin/retention", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<PastRetention> pastRetention(@RequestParam(required = false) LocalDate asOf) {
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        // Grouped here rather than with LISTAGG (H2) or STRING_AGG (PostgreSQL): one query every database runs.
        Map<String, PastRetention> byPupil = new TreeMap<>();
        jdbc.query("""
                        SELECT pupil_id, date_of_birth, placement_id FROM rm_placement
                        WHERE pupil_erased = FALSE AND date_of_birth <= ? ORDER BY pupil_id, placement_id""",
                (RowCallbackHandler) rs -> {
                    LocalDate retainUntil = rs.getDate("date_of_birth").toLocalDate().plusYears(RETENTION_YEARS);
                    PastRetention pupil = byPupil.computeIfAbsent(rs.getString("pupil_id"),
                            id -> new PastRetention(id, retainUntil, new ArrayList<>()));
                    pupil.placementIds().add(rs.getString("placement_id"));
                    if (retainUntil.isBefore(pupil.retainUntil())) {
                        byPupil.put(pupil.pupilId(), new PastRetention(pupil.pupilId(), retainUntil, pupil.placementIds()));
                    }
                },
                Date.valueOf(on.minusYears(RETENTION_YEARS)));
        List<PastRetention> rows = byPupil.values().stream()
                .sorted(Comparator.comparing(PastRetention::retainUntil).thenComparing(PastRetention::pupilId))
                .map(row -> new PastRetention(row.pupilId(), row.retainUntil(), List.copyOf(row.placementIds())))
                .toList();
        return rows;
    }
}
