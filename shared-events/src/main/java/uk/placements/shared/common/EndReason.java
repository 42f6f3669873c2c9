package uk.placements.shared.common;

/** Why a placement ended (SEN2 cease reasons, simplified). {@link #OTHER} must carry a note. */
public enum EndReason {
    SPECIAL_SCHOOL, OTHER_PROVISION, LEFT_AREA, PHASE_TRANSFER, EHCP_CEASED, OTHER
}
