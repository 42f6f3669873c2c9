package uk.placements.shared.placement;

/** The reason for a change of time split: a category to count by, and the caseworker's words. */
public record SplitChangeReason(SplitChangeCategory category, String text) {
}
