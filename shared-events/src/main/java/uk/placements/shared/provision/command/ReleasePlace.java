package uk.placements.shared.provision.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ReleaseCause;

import java.time.LocalDate;

/** Free a held place (R-RELEASE). Sent by the placement command that frees it, in the same unit of work. */
public record ReleasePlace(@TargetAggregateIdentifier ProvisionId provisionId, PlacementId placementId, LocalDate on, ReleaseCause cause) {
}
