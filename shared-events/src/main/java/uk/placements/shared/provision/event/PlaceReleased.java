package uk.placements.shared.provision.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ReleaseCause;

import java.time.LocalDate;

/** A held place was freed. */
@Revision("1")
public record PlaceReleased(ProvisionId provisionId, PlacementId placementId, LocalDate on, ReleaseCause cause, int placesTaken) implements ProvisionEvent {
}
