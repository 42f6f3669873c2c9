package uk.placements.query.bases;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.edge.web.NotFound;
import uk.placements.query.dashboard.AsOf;

import java.time.Clock;

/**
 * Inclusion bases (issue 17, point 4; docs/inclusion-bases.md): a base's standards as at a date (any signed-in role,
 * as the provision itself; it names the lead teacher, staff data), and the comparison of every base (ANALYST, ADMIN;
 * no personal data).
 */
@RestController
@Tag(name = "Inclusion bases")
public class InclusionBasesController {

    private final InclusionBases bases;
    private final Clock clock;

    public InclusionBasesController(InclusionBases bases, Clock clock) {
        this.bases = bases;
        this.clock = clock;
    }

    @GetMapping(path = "/api/provisions/{id}/standards", produces = MediaType.APPLICATION_JSON_VALUE)
    public BaseViews.Standards standards(@PathVariable String id, @RequestParam(required = false) String asOf) {
        if (!id.matches("[A-Z0-9-]{3,40}")) {
            throw new NotFound("provision", id);
        }
        return bases.standards(id, AsOf.parse(asOf, clock));
    }

    @GetMapping(path = "/api/dashboard/bases", produces = MediaType.APPLICATION_JSON_VALUE)
    public BaseViews.Comparison comparison(@RequestParam(required = false) String asOf) {
        return bases.comparison(AsOf.parse(asOf, clock));
    }
}
