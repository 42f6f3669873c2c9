package uk.placements.shared.placement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;

/** Record the pupil's admission; without a split the default for the provision's type applies. */
public record AdmitPupil(@TargetAggregateIdentifier PlacementId placementId, LocalDate admittedOn, Integer mainstreamPercent, String reason) {
}
