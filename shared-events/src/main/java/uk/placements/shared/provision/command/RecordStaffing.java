package uk.placements.shared.provision.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Record the provision's staffing from a date. */
public record RecordStaffing(@TargetAggregateIdentifier ProvisionId provisionId, int adults, int qualifiedTeachers, BigDecimal therapyHoursPerWeek, LocalDate effectiveFrom) {
}
