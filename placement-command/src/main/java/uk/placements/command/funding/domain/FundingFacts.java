package uk.placements.command.funding.domain;

import uk.placements.shared.funding.TariffState;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

/**
 * What money commands look up beyond their own aggregate: a placement's period, the tariff, whether a provision
 * exists. Read, not locked: a tariff changed or a placement ended at the same moment as an assignment changes no
 * money already decided (the ledger pays only for days a place was occupied, at the values of the tariff).
 */
public interface FundingFacts {

    /** The placement's period; {@link PlacementPeriod#exists()} is false for an unknown placement. */
    PlacementPeriod placement(PlacementId placement);

    TariffState tariff();

    boolean provisionExists(ProvisionId provision);
}
