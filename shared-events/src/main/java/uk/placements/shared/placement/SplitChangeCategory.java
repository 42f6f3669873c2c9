package uk.placements.shared.placement;

/**
 * Why a pupil's time in mainstream changed, in categories the authority can count (for example, how many
 * reductions are for well-being). {@code UNSPECIFIED} marks reasons recorded before categories existed.
 */
public enum SplitChangeCategory {
    WELLBEING, BEHAVIOUR, LEARNING, TRANSITION, HEALTH, FAMILY_REQUEST, OTHER, UNSPECIFIED
}
