package uk.placements.edge.h2;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A refused non-durable database stops the start-up with Spring Boot's "APPLICATION FAILED TO START" report: what
 * is wrong in one line and what to do, instead of a stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class NonDurableDatabaseAnalyzer extends AbstractFailureAnalyzer<NonDurableDatabase> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NonDurableDatabase cause) {
        return new FailureAnalysis("Refusing to start: " + cause.getMessage() + ".",
                "Remove WRITE_DELAY from spring.datasource.url (the product sets WRITE_DELAY=0 itself), or set it"
                        + " to 0 on the H2 server the URL points to.", cause);
    }
}
