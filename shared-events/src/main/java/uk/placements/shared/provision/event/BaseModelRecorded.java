package uk.placements.shared.provision.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.common.BaseModel;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/** The provision is an inclusion base of this model (support or specialist) from a date. */
@Revision("1")
public record BaseModelRecorded(ProvisionId provisionId, BaseModel baseModel, LocalDate effectiveFrom)
        implements ProvisionEvent {
}
