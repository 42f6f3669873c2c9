package uk.placements.shared.placement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.placement.PupilDetails;

import java.time.LocalDate;
import java.util.Set;

/** Refer a pupil for a place in specialist provision; creates the placement. */
public record ReferPupil(@TargetAggregateIdentifier PlacementId placementId, PupilDetails pupil, int yearGroup, NeedCode primaryNeed, Set<NeedCode> secondaryNeeds, EhcpStatus ehcpStatus, ProvisionType requestedType, SchoolUrn homeSchoolUrn, LocalDate referredOn, String note) {
}
