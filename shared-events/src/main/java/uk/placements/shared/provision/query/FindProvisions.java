package uk.placements.shared.provision.query;

import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.ProvisionType;

/** Provisions, filtered (each filter optional) and paged, ordered by id. */
public record FindProvisions(ProvisionType type, Phase phase, NeedCode need, ProvisionStatus status, int page,
                             int size) {
}
