package uk.placements.edge.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's plain start-up report for {@link BasicSignIn.NoUsers}, without a stack trace. */
public class NoUsersAnalyzer extends AbstractFailureAnalyzer<BasicSignIn.NoUsers> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BasicSignIn.NoUsers cause) {
        return new FailureAnalysis("Refusing to start: " + cause.getMessage(),
                "See README, \"Sign in\": outside the embedded default there are no demo users.", cause);
    }
}
