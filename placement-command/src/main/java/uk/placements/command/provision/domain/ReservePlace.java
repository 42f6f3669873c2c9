package uk.placements.command.provision.domain;

import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/**
 * Hold a place for an offer (R-PROVISION-OPEN, R-CAPACITY). Not a command on the bus: only an offer asks for it,
 * inside its own unit of work ({@link RepositoryProvisionPlaces}), so no client can hold a place without a placement.
 */
public record ReservePlace(ProvisionId provisionId, PlacementId placementId, LocalDate on,
                           OverCapacityDecision overCapacityDecision) {
}
