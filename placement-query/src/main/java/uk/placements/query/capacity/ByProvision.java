package uk.placements.query.capacity;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.placement.event.ReferralWithdrawn;
import uk.placements.shared.placement.event.TimeSplitChanged;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.event.ProvisionEvent;

/**
 * The capacity ledger's events in the sequence of the provision they change: a provision's own events and every
 * placement event that names it go to one segment, in order, so one thread at a time changes a provision's rows
 * (sequenced by placement, as the other projections are, two segments would change one provision's rows at once).
 * A placement's events at one provision stay in order; its events at another provision need not, as what it holds
 * is kept per provision. Events that name no provision (a referral, its withdrawal) are sequenced by placement.
 */
public final class ByProvision implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof ProvisionEvent e) {
            return e.provisionId().value();
        }
        if (payload instanceof PlacementEvent e) {
            ProvisionId provision = provisionOf(e);
            return provision != null ? provision.value() : e.placementId().value();
        }
        return null;
    }

    /** The provision a placement event concerns, or null for a referral and its withdrawal. */
    static ProvisionId provisionOf(PlacementEvent event) {
        if (event instanceof PlaceOffered e) {
            return e.provisionId();
        }
        if (event instanceof OfferDeclined e) {
            return e.provisionId();
        }
        if (event instanceof OfferWithdrawn e) {
            return e.provisionId();
        }
        if (event instanceof PupilAdmitted e) {
            return e.provisionId();
        }
        if (event instanceof TimeSplitChanged e) {
            return e.provisionId();
        }
        if (event instanceof MovedToMainstream e) {
            return e.provisionId();
        }
        if (event instanceof PlacementEnded e) {
            return e.provisionId();
        }
        if (event instanceof PupilReferred || event instanceof ReferralWithdrawn) {
            return null;
        }
        throw new IllegalArgumentException("unknown placement event " + event.getClass().getName());
    }
}
