package uk.placements.shared.placement.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** The placement ended for a reason; {@code note} is sealed with the pupil's key. */
@Revision("1")
public record PlacementEnded(PlacementId placementId, ProvisionId provisionId, LocalDate effectiveFrom, EndReason reason, String note) implements PlacementEvent {
}
