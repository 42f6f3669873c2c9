package uk.placements.shared.placement.event;

import uk.placements.shared.placement.PlacementId;

/** Every event of the Placement aggregate. */
public sealed interface PlacementEvent permits PupilReferred, PlaceOffered, OfferDeclined, OfferWithdrawn,
        PupilAdmitted, TimeSplitChanged, MovedToMainstream, PlacementEnded, ReferralWithdrawn {

    PlacementId placementId();
}
