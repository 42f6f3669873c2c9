package uk.placements.shared.pupil;

import org.axonframework.serialization.Revision;
import uk.placements.shared.placement.PupilId;

import java.time.LocalDate;

/**
 * A pupil's data key was deleted: every sealed field of that pupil now reads "[erased]". Holds no personal data;
 * who decided is in the event's metadata.
 */
@Revision("1")
public record PupilErased(PupilId pupilId, String reason, LocalDate erasedOn) {
}
