package uk.placements.shared.placement.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** The pupil moved on to full-time mainstream; {@code note} is sealed with the pupil's key. */
@Revision("1")
public record MovedToMainstream(PlacementId placementId, ProvisionId provisionId, LocalDate effectiveFrom, String note) implements PlacementEvent {
}
