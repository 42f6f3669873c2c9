package uk.placements.shared.placement.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** The pupil was admitted with a time split; {@code defaultSplit} tells whether R-DEFAULT-SPLIT chose it. */
@Revision("1")
public record PupilAdmitted(PlacementId placementId, ProvisionId provisionId, LocalDate admittedOn, int mainstreamPercent, boolean defaultSplit, String reason, boolean belowIntegrationBand) implements PlacementEvent {
}
