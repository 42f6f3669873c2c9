package uk.placements.edge.web;

import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Right after Axon Server restarts, until the command service has subscribed its handlers again, Axon Server answers
 * a command with "no handler" (scripts/topology-check.sh, kill -9 of Axon Server under load: 11 of 597 referrals
 * answered 500). Nothing was recorded and trying again shortly is right: 503 with Retry-After, as Spring resolves it
 * through the gateway's CompletionException.
 */
class AxonServerProblemsTest {

    @Test
    void noHandlerYetForACommandIsServiceUnavailableWithRetryAfter() {
        NoHandlerForCommandException noHandler = new NoHandlerForCommandException("No node known to accept ReferPupil");
        ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(AxonServerProblems.class);

        assertThat(resolver.resolveMethodByThrowable(new CompletionException(noHandler))).as("matched through the cause")
                .isNotNull().extracting(m -> m.getName()).isEqualTo("notRouted");
        ResponseEntity<ProblemDetail> answer = new AxonServerProblems().notRouted(noHandler);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).contains("nothing was recorded");
    }
}
