package uk.placements.shared.placement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** Offer the referred pupil a place in a provision; reserves the place there in the same unit of work. */
public record OfferPlace(@TargetAggregateIdentifier PlacementId placementId, ProvisionId provisionId, LocalDate offeredOn, String needOverrideReason, OverCapacityDecision overCapacityDecision) {
}
