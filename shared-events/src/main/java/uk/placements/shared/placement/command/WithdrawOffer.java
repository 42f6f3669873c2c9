package uk.placements.shared.placement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;

/** The authority withdrew its offer: the placement returns to referred and the place is freed. */
public record WithdrawOffer(@TargetAggregateIdentifier PlacementId placementId, LocalDate on, String reason) {
}
