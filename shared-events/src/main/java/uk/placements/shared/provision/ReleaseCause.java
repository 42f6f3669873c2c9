package uk.placements.shared.provision;

/** Why a held place was freed (R-RELEASE). */
public enum ReleaseCause {
    OFFER_DECLINED, OFFER_WITHDRAWN, MOVED_TO_MAINSTREAM, PLACEMENT_ENDED
}
