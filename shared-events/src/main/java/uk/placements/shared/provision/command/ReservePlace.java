package uk.placements.shared.provision.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;

/** Hold a place for an offer. Sent by the offer itself, in the same unit of work, never over HTTP. */
public record ReservePlace(@TargetAggregateIdentifier ProvisionId provisionId, PlacementId placementId, LocalDate on, OverCapacityDecision overCapacityDecision) {
}
