package uk.placements.shared.placement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;

/** The pupil moves on to full-time mainstream: the placement ends in success and the place is freed. */
public record MoveToMainstream(@TargetAggregateIdentifier PlacementId placementId, LocalDate effectiveFrom, String note) {
}
