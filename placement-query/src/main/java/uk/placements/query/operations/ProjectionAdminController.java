package uk.placements.query.operations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operations on the read models (API.md, "Operations"); ADMIN only, as SecurityConfiguration routes /api/admin. */
@RestController
@RequestMapping("/api/admin/projections")
public class ProjectionAdminController {

    private final ProjectionOperations operations;

    public ProjectionAdminController(ProjectionOperations operations) {
        this.operations = operations;
    }

    @GetMapping
    public List<ProjectionOperations.ProjectionStatus> projections() {
        return operations.status();
    }

    /** Answers when the rebuilt read model has caught up with the event store's head at the start. */
    @PostMapping("/{name}/rebuild")
    public ProjectionOperations.RebuildReport rebuild(@PathVariable String name) {
        return operations.rebuild(name);
    }

    @ExceptionHandler(ProjectionOperations.RebuildInProgress.class)
    ResponseEntity<ProblemDetail> busy(ProjectionOperations.RebuildInProgress e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Rebuild in progress");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** 500: the events could not be replayed; the read model was left as it was. */
    @ExceptionHandler(ProjectionOperations.RebuildFailed.class)
    ResponseEntity<ProblemDetail> failed(ProjectionOperations.RebuildFailed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        problem.setTitle("Rebuild failed");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    /** 503 with Retry-After: an instance held on to the projection's segments; nothing was reset, try again. */
    @ExceptionHandler(ProcessorControl.NotStopped.class)
    ResponseEntity<ProblemDetail> notStopped(ProcessorControl.NotStopped e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Projection still running elsewhere");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").body(problem);
    }
}
