package uk.placements.shared.pupil;

import uk.placements.shared.placement.PupilDetails;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.SealedPupil;

/** Encrypts personal data with the pupil's own data key before it goes into an event (the command side's port). */
public interface PupilSealer {

    SealedPupil seal(PupilId pupil, PupilDetails details);

    /** Free text about a pupil is personal data too; null stays null. */
    String sealNote(PupilId pupil, String note);
}
