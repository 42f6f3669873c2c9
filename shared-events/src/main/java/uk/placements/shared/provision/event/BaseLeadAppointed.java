package uk.placements.shared.provision.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/**
 * A named qualified teacher has day-to-day responsibility for the base from a date. The name is staff data, not
 * pupil data (no data key seals it), but {@link #toString} still leaves it out of logs.
 */
@Revision("1")
public record BaseLeadAppointed(ProvisionId provisionId, String teacherName, LocalDate effectiveFrom)
        implements ProvisionEvent {

    @Override
    public String toString() {
        return "BaseLeadAppointed[provisionId=" + provisionId + ", effectiveFrom=" + effectiveFrom + "]";
    }
}
