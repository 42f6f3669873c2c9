package uk.placements.shared.placement.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.SealedPupil;

import java.time.LocalDate;
import java.util.Set;

/** A pupil was referred. Personal data is sealed with the pupil's data key; {@code note} is sealed too. */
@Revision("1")
public record PupilReferred(PlacementId placementId, PupilId pupilId, SealedPupil pupil, int yearGroup, NeedCode primaryNeed, Set<NeedCode> secondaryNeeds, EhcpStatus ehcpStatus, ProvisionType requestedType, String homeSchoolUrn, LocalDate referredOn, String note) implements PlacementEvent {
}
