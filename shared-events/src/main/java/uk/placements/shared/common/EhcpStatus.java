package uk.placements.shared.common;

/** Where a referred pupil stands with an Education, Health and Care plan. */
public enum EhcpStatus {
    /** A plan is in place. */
    EHCP,
    /** An EHC needs assessment is in progress. */
    ASSESSMENT,
    NONE
}
