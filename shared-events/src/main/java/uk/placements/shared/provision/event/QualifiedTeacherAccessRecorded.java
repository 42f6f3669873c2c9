package uk.placements.shared.provision.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * From a date, the base's pupils are taught by a qualified teacher {@code hoursPerWeek} hours a week; their mainstream
 * peers {@code mainstreamPeerHoursPerWeek} (the figure it was compared with when it was recorded).
 */
@Revision("1")
public record QualifiedTeacherAccessRecorded(ProvisionId provisionId, BigDecimal hoursPerWeek,
                                             BigDecimal mainstreamPeerHoursPerWeek, LocalDate effectiveFrom)
        implements ProvisionEvent {
}
