package uk.placements.shared.placement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;

/** Withdraw a referral that has no offer outstanding. */
public record WithdrawReferral(@TargetAggregateIdentifier PlacementId placementId, LocalDate on, String reason) {
}
