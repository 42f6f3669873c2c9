package uk.placements.shared.placement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;

/** Change the share of the week the pupil spends in mainstream classes. */
public record ChangeTimeSplit(@TargetAggregateIdentifier PlacementId placementId, int mainstreamPercent, LocalDate effectiveFrom, String reason) {
}
