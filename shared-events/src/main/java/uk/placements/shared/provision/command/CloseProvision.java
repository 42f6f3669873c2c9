package uk.placements.shared.provision.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** Close the provision; only an empty one can close. */
public record CloseProvision(@TargetAggregateIdentifier ProvisionId provisionId, LocalDate closedOn, String reason) {
}
