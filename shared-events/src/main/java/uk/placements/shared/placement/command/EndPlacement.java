package uk.placements.shared.placement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.common.EndReason;

import java.time.LocalDate;

/** End an admitted placement for a named reason; the place is freed. */
public record EndPlacement(@TargetAggregateIdentifier PlacementId placementId, LocalDate effectiveFrom, EndReason reason, String note) {
}
