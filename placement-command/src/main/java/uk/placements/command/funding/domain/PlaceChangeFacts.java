package uk.placements.command.funding.domain;

import uk.placements.shared.provision.ProvisionId;

/**
 * What a place-change return looks up beyond its own aggregate: the provision (read, not locked: places changed at
 * the same moment as a return change no return already recorded, which keeps the places it was made against).
 */
public interface PlaceChangeFacts {

    /** The provision's places; {@link ProvisionPlaces#exists()} is false for an unknown provision. */
    ProvisionPlaces provision(ProvisionId provision);
}
