package uk.placements.shared.placement.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** The offer was declined; the placement is referred again. */
@Revision("1")
public record OfferDeclined(PlacementId placementId, ProvisionId provisionId, LocalDate on, String reason) implements PlacementEvent {
}
