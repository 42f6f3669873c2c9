package uk.placements.command.provision.domain;

import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ReleaseCause;

import java.time.LocalDate;

/**
 * Free a held place (R-RELEASE). Not a command on the bus: only the placement command that frees the place asks for
 * it, inside its own unit of work ({@link RepositoryProvisionPlaces}).
 */
public record ReleasePlace(ProvisionId provisionId, PlacementId placementId, LocalDate on, ReleaseCause cause) {
}
