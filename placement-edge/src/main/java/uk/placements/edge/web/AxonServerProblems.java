package uk.placements.edge.web;

import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The axonserver profile: a command or query that Axon Server could not route (it is unreachable, or no instance
 * handles that message yet: right after Axon Server restarts, until the services have subscribed their handlers again,
 * it answers "no handler for command", which scripts/topology-check.sh saw as 500s; or the dispatch itself failed)
 * is 503 with Retry-After, not a 500: nothing was recorded and trying again later is right. Spring matches these through the {@code CompletionException} the gateways wrap them in.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonServerProblems {

    private static final Logger log = LoggerFactory.getLogger(AxonServerProblems.class);

    @ExceptionHandler({io.axoniq.axonserver.connector.AxonServerException.class,
            AxonServerQueryDispatchException.class, AxonServerCommandDispatchException.class,
            NoHandlerForCommandException.class})
    ResponseEntity<ProblemDetail> notRouted(RuntimeException e) {
        log.warn("Axon Server did not route a message: {}", e.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the message bus (Axon Server) could not be reached; nothing was recorded: try again shortly");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
    }
}
