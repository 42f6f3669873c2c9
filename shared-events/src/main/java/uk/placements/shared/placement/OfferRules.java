package uk.placements.shared.placement;

import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.Rule;
import uk.placements.shared.provision.ProvisionProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules an offer of a place must keep, as pure checks: the only code that knows them. The placement's aggregate
 * refuses an offer with the first breach of {@link #ofThePlacement} (R-YEAR, R-TYPE, R-EHCP, R-NEED), the
 * provision's with {@link #provisionOpen} and {@link #capacity} (R-PROVISION-OPEN, R-CAPACITY); the candidates of a
 * referred placement ({@code GET /api/placements/{id}/candidates}) list every breach, for every provision.
 */
public final class OfferRules {

    private OfferRules() {
    }

    /** A rule an offer would break, and why. */
    public record Breach(Rule rule, String message) {
    }

    /** Whether the placement's primary need is outside the provision's designated needs (an override may allow it). */
    public static boolean outsideNeed(PlacementState s, ProvisionProfile provision) {
        return !provision.designatedNeeds().contains(s.primaryNeed());
    }

    /**
     * The placement's rules for an offer at {@code provision}, in the order the aggregate checks them. R-NEED is
     * broken only without a need-override reason ({@code needOverrideReason} null or blank).
     */
    public static List<Breach> ofThePlacement(PlacementState s, ProvisionProfile provision, String needOverrideReason) {
        List<Breach> breaches = new ArrayList<>();
        if (s.yearGroup() < provision.lowestYear() || s.yearGroup() > provision.highestYear()) {
            breaches.add(new Breach(Rule.YEAR, "year group " + s.yearGroup() + " is outside the provision's years "
                    + provision.lowestYear() + " to " + provision.highestYear()));
        }
        if (s.requestedType() != null && s.requestedType() != provision.type()) {
            breaches.add(new Breach(Rule.TYPE, "the referral asked for a " + s.requestedType()
                    + ", this provision is a " + provision.type()));
        }
        if (s.ehcpStatus() == EhcpStatus.NONE) {
            breaches.add(new Breach(Rule.EHCP, "an offer needs an EHC plan or an EHC needs assessment in progress"));
        }
        if (outsideNeed(s, provision) && (needOverrideReason == null || needOverrideReason.isBlank())) {
            breaches.add(new Breach(Rule.NEED, "primary need " + s.primaryNeed() + " is not among the provision's "
                    + "designated needs and no need-override reason was given"));
        }
        return breaches;
    }

    /** R-PROVISION-OPEN: offers go only to an open provision. */
    public static Optional<Breach> provisionOpen(ProvisionStatus status) {
        return status == ProvisionStatus.OPEN ? Optional.empty()
                : Optional.of(new Breach(Rule.PROVISION_OPEN, "offers go only to an open provision"));
    }

    /**
     * R-CAPACITY: with {@code taken} places taken once the offer holds one, beyond {@code commissioned} only with an
     * over-capacity decision.
     */
    public static Optional<Breach> capacity(int taken, int commissioned, boolean decided) {
        return taken <= commissioned || decided ? Optional.empty()
                : Optional.of(new Breach(Rule.CAPACITY, "all " + commissioned + " commissioned places are taken; an "
                + "offer beyond them needs an over-capacity decision (reason and who decided)"));
    }
}
