package uk.placements.shared.placement.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** The share of the week in mainstream changed. */
@Revision("1")
public record TimeSplitChanged(PlacementId placementId, ProvisionId provisionId, int previousPercent, int mainstreamPercent, LocalDate effectiveFrom, String reason, boolean belowIntegrationBand) implements PlacementEvent {
}
