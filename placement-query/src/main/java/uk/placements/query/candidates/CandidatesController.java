package uk.placements.query.candidates;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.placements.edge.web.ProblemHandling;
import uk.placements.shared.common.Rule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Offers that fit (issue 17): the provisions a referred placement could be offered, each with the rules an offer
 * there would break, so that a caseworker sees them before trying. No personal data.
 */
@RestController
@RequestMapping(path = "/api/placements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Placements")
public class CandidatesController {

    private final CandidatesReader reader;
    private final Clock clock;

    public CandidatesController(CandidatesReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @GetMapping("/{id}/candidates")
    public CandidateViews.Candidates candidates(@PathVariable String id,
                                                @RequestParam(required = false) String offeredOn) {
        LocalDate day;
        try {
            day = offeredOn == null || offeredOn.isBlank() ? LocalDate.now(clock) : LocalDate.parse(offeredOn.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("offeredOn must be a date such as 2026-09-10");
        }
        return reader.candidates(id, day);
    }

    @ExceptionHandler(CandidatesReader.NotReferred.class)
    ResponseEntity<ProblemDetail> notReferred(CandidatesReader.NotReferred e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Refused by rule " + Rule.STATE.code());
        problem.setProperty("rule", Rule.STATE.code());
        return ProblemHandling.problem(problem);
    }
}
