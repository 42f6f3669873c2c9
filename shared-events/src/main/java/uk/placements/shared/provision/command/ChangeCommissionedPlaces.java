package uk.placements.shared.provision.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** Change the number of commissioned places, for a reason. */
public record ChangeCommissionedPlaces(@TargetAggregateIdentifier ProvisionId provisionId, int commissionedPlaces, LocalDate effectiveFrom, String reason) {
}
