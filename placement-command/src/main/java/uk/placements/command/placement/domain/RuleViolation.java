package uk.placements.command.placement.domain;

import uk.placements.shared.common.Rule;

/** A command refused by a domain rule. The HTTP edge answers with the rule's code (409 or 422). */
public class RuleViolation extends RuntimeException {

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(detail, null, false, false);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    /** Refuses with {@code rule} unless {@code condition} holds. */
    public static void require(boolean condition, Rule rule, String detail) {
        if (!condition) {
            throw new RuleViolation(rule, detail);
        }
    }
}
