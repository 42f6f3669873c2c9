package uk.placements.shared.pupil;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.placement.PupilId;

/**
 * Crypto-shred a pupil's personal data: delete the pupil's data key. Not absolute (UK GDPR Art. 17(3)(b), public
 * task): an audited decision with a reason.
 */
public record ErasePupil(@TargetAggregateIdentifier PupilId pupilId, String reason) {
}
