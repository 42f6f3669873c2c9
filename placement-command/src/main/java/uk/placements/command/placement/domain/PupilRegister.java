package uk.placements.command.placement.domain;

import uk.placements.shared.common.Upn;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilId;

/**
 * The set-based side of the placement rules: who the pupil is across placements, and which pupils have an open
 * placement (R-ONE-OPEN). Implementations write in the command's own transaction, so a claim and the events that
 * cause it commit or roll back together, and a unique key makes concurrent claims for one pupil race-proof.
 */
public interface PupilRegister {

    /** The pupil's pseudonymous id, created with a fresh data key the first time the UPN is seen. */
    PupilId identify(Upn upn);

    /** Records the open placement; false if the pupil already has one. */
    boolean claimOpenPlacement(PupilId pupil, PlacementId placement);

    /** Forgets the open placement when it reaches a terminal state. */
    void releaseOpenPlacement(PupilId pupil, PlacementId placement);
}
