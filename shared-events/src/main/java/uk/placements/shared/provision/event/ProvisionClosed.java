package uk.placements.shared.provision.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** The provision closed. */
@Revision("1")
public record ProvisionClosed(ProvisionId provisionId, LocalDate closedOn, String reason) implements ProvisionEvent {
}
