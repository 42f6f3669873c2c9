package uk.placements.shared.provision.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Record, from a date, how many hours a week the base's pupils are taught by a qualified teacher, and the hours of
 * mainstream peers it is compared with (the authority's configured default when the request gives none).
 */
public record RecordQualifiedTeacherAccess(@TargetAggregateIdentifier ProvisionId provisionId,
                                           BigDecimal hoursPerWeek, BigDecimal mainstreamPeerHoursPerWeek,
                                           LocalDate effectiveFrom) {
}
