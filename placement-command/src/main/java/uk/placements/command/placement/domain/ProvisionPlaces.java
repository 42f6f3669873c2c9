package uk.placements.command.placement.domain;

import uk.placements.shared.provision.ProvisionId;
import uk.placements.command.provision.domain.ReleasePlace;
import uk.placements.command.provision.domain.ReservePlace;
import uk.placements.shared.provision.ProvisionProfile;

/**
 * The provision side of an offer, reached in the same unit of work as the placement: the provision's events are
 * appended in the same transaction, so a race for the last place becomes a concurrency failure on the provision's
 * event stream rather than an over-booking.
 */
public interface ProvisionPlaces {

    /** @throws org.axonframework.modelling.command.AggregateNotFoundException for an unknown provision */
    ProvisionProfile profile(ProvisionId provision);

    /** Holds a place (R-PROVISION-OPEN, R-CAPACITY); true if it goes beyond commissioned places. */
    boolean reserve(ReservePlace command);

    /** Frees a held place (R-RELEASE). */
    void release(ReleasePlace command);
}
