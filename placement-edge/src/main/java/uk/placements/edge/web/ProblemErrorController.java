package uk.placements.edge.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page as problem details. Errors raised outside MVC (a request the firewall rejects, a
 * {@code sendError} from a filter) land here rather than on Spring Boot's default error JSON, which names paths and
 * exception types; this answer names only the status.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = {"application/problem+json", "*/*"})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status;
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            status = HttpStatus.NOT_FOUND;
        } else {
            status = code instanceof Integer c && HttpStatus.resolve(c) != null && c >= 400
                    ? HttpStatus.valueOf(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(ProblemResponses.title(status.value()));
        problem.setDetail(ProblemResponses.detail(status.value()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
