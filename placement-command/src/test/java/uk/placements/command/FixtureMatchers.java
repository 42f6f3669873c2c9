package uk.placements.command;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.shared.common.Rule;

import java.util.List;
import java.util.function.Consumer;

/** Hamcrest matchers for Axon fixtures: a refusal by one named rule, and one event checked with AssertJ. */
public final class FixtureMatchers {

    private FixtureMatchers() {
    }

    /** A {@link RuleViolation} naming {@code rule}, and no other exception. */
    public static Matcher<RuleViolation> violationOf(Rule rule) {
        return new TypeSafeMatcher<>(RuleViolation.class) {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.rule() == rule;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of " + rule.code());
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("it was " + violation.rule().code() + ": " + violation.getMessage());
            }
        };
    }

    /**
     * Exactly one event, of {@code type}, passing the AssertJ {@code assertions}: for events whose sealed fields
     * are encrypted with a random IV, so equality cannot be expected.
     */
    public static <T> Matcher<List<EventMessage<?>>> onlyEvent(Class<T> type, Consumer<T> assertions) {
        return new TypeSafeMatcher<>() {
            private String failure = "";

            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                if (events.size() != 1 || !type.isInstance(events.get(0).getPayload())) {
                    failure = "the events were " + events.stream().map(EventMessage::getPayload).toList();
                    return false;
                }
                try {
                    assertions.accept(type.cast(events.get(0).getPayload()));
                    return true;
                } catch (AssertionError e) {
                    failure = e.getMessage();
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("exactly one " + type.getSimpleName() + " passing the assertions");
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description description) {
                description.appendText(failure);
            }
        };
    }
}
