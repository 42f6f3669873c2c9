package uk.placements.shared.provision;

import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.ProvisionType;

import java.util.Set;

/** What an offer needs to know of the provision it is for. */
public record ProvisionProfile(ProvisionId id, ProvisionType type, ProvisionStatus status, int lowestYear,
                               int highestYear, Set<NeedCode> designatedNeeds) {
}
