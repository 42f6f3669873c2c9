package uk.placements.shared.provision.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.provision.HostSchool;

import java.time.LocalDate;
import java.util.Set;

/** A provision was commissioned and opened. */
@Revision("1")
public record ProvisionCommissioned(ProvisionId provisionId, String name, ProvisionType type, HostSchool hostSchool, Phase phase, int lowestYear, int highestYear, Set<NeedCode> designatedNeeds, int commissionedPlaces, LocalDate openedOn) implements ProvisionEvent {
}
