package uk.placements.shared.provision.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Staffing from a date: adults, qualified teachers, therapy hours a week. */
@Revision("1")
public record StaffingRecorded(ProvisionId provisionId, int adults, int qualifiedTeachers, BigDecimal therapyHoursPerWeek, LocalDate effectiveFrom) implements ProvisionEvent {
}
