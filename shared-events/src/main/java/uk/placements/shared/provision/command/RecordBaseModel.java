package uk.placements.shared.provision.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.common.BaseModel;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** Record the provision's inclusion-base model (support or specialist) from a date. */
public record RecordBaseModel(@TargetAggregateIdentifier ProvisionId provisionId, BaseModel baseModel,
                              LocalDate effectiveFrom) {
}
