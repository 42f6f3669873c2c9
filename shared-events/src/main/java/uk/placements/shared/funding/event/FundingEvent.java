package uk.placements.shared.funding.event;

import uk.placements.shared.placement.PlacementId;

/** Every event of a placement's funding (the PlacementFunding aggregate). */
public sealed interface FundingEvent permits TopUpAssigned {

    PlacementId placementId();
}
