package uk.placements.shared.provision.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;

/** A place was held for an offer; an over-capacity decision is recorded when places taken exceed commissioned places. */
@Revision("1")
public record PlaceReserved(ProvisionId provisionId, PlacementId placementId, LocalDate on, int placesTaken, int commissionedPlaces, OverCapacityDecision overCapacityDecision) implements ProvisionEvent {
}
