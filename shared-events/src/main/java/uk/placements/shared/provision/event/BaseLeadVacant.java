package uk.placements.shared.provision.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** From a date no qualified teacher has day-to-day responsibility for the base: the post is vacant. */
@Revision("1")
public record BaseLeadVacant(ProvisionId provisionId, LocalDate effectiveFrom) implements ProvisionEvent {
}
