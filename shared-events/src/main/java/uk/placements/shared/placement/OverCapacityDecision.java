package uk.placements.shared.placement;

/**
 * An audited decision to place a pupil beyond commissioned places (for example, a school named in an EHC plan must
 * admit the child: Children and Families Act 2014 s.43).
 */
public record OverCapacityDecision(String reason, String decidedBy) {

    public OverCapacityDecision {
        if (reason == null || reason.isBlank() || decidedBy == null || decidedBy.isBlank()) {
            throw new IllegalArgumentException("an over-capacity decision names its reason and who decided");
        }
    }
}
