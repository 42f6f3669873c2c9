package uk.placements.shared.placement.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** A place was offered. A need override or over-capacity decision is recorded with its reason. */
@Revision("1")
public record PlaceOffered(PlacementId placementId, ProvisionId provisionId, ProvisionType provisionType, LocalDate offeredOn, boolean outsideDesignatedNeed, String needOverrideReason, OverCapacityDecision overCapacityDecision) implements PlacementEvent {
}
