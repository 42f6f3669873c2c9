package uk.placements.query.audit;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

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
        List<PastRetention> rows = jdbc.query("""
                        SELECT pupil_id, MIN(date_of_birth), LISTAGG(placement_id, ',') WITHIN GROUP (ORDER BY placement_id)
                        FROM rm_placement WHERE pupil_erased = FALSE AND date_of_birth <= ?
                        GROUP BY pupil_id ORDER BY MIN(date_of_birth), pupil_id""",
                (rs, i) -> new PastRetention(rs.getString(1), rs.getDate(2).toLocalDate().plusYears(RETENTION_YEARS),
                        Arrays.asList(rs.getString(3).split(","))),
                Date.valueOf(on.minusYears(RETENTION_YEARS)));
        return rows;
    }
}
