package uk.placements.command.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.placements.shared.pupil.PupilDataErased;
import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.command.placement.domain.VersionConflict;
import uk.placements.edge.web.ProblemHandling;

/**
 * The command side's refusals as problem details: {@code rule} for a domain rule (409 for conflicts with the state
 * of things, 422 for other breaches), 412 for a stale If-Match, 404, 409 for an existing id or a lost race, 422 for
 * a reused Idempotency-Key. Ordered before the edge's generic advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblems {

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation e) {
        HttpStatus status = e.rule().isConflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Refused by rule " + e.rule().code());
        problem.setProperty("rule", e.rule().code());
        return ProblemHandling.problem(problem);
    }

    @ExceptionHandler(VersionConflict.class)
    ResponseEntity<ProblemDetail> versionConflict(VersionConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                e.getMessage() + ": reload it and decide again");
        problem.setTitle("Changed since you last read it");
        problem.setProperty("currentVersion", e.actualVersion());
        return ProblemHandling.problem(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no placement or provision with id " + e.getAggregateIdentifier());
        problem.setTitle("Not found");
        return ProblemHandling.problem(problem);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "a record with this id already exists");
        problem.setTitle("Already exists");
        return ProblemHandling.problem(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> lostRace(ConcurrencyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "someone else changed this at the same moment; try again");
        problem.setTitle("Concurrent change");
        return ProblemHandling.problem(problem);
    }

    @ExceptionHandler(CommandSender.IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(CommandSender.IdempotencyKeyReused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Idempotency-Key reused");
        return ProblemHandling.problem(problem);
    }

    /** A note about a pupil whose personal data was erased cannot be sealed: a conflict with that erasure. */
    @ExceptionHandler(PupilDataErased.class)
    ResponseEntity<ProblemDetail> erased(PupilDataErased e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                e.getMessage() + "; send the command without a note");
        problem.setTitle("Pupil erased");
        return ProblemHandling.problem(problem);
    }
}
