package uk.placements.shared.provision.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** Commissioned places changed; {@code placesTaken} records how many were held at the time. */
@Revision("1")
public record CommissionedPlacesChanged(ProvisionId provisionId, int previousPlaces, int commissionedPlaces, int placesTaken, LocalDate effectiveFrom, String reason) implements ProvisionEvent {
}
