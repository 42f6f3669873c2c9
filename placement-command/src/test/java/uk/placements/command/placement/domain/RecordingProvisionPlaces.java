package uk.placements.command.placement.domain;

import uk.placements.shared.common.Rule;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.command.provision.domain.ReleasePlace;
import uk.placements.command.provision.domain.ReservePlace;
import uk.placements.shared.provision.ProvisionProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provision side of an offer, configured per test: each provision's profile, whether a reservation there goes
 * beyond commissioned places, or which rule the provision refuses it with. Records every reserve and release.
 */
final class RecordingProvisionPlaces implements ProvisionPlaces {

    private final Map<ProvisionId, ProvisionProfile> profiles = new HashMap<>();
    private final Map<ProvisionId, Boolean> overCapacity = new HashMap<>();
    private final Map<ProvisionId, Rule> refusals = new HashMap<>();
    final List<ReservePlace> reserved = new ArrayList<>();
    final List<ReleasePlace> released = new ArrayList<>();

    RecordingProvisionPlaces with(ProvisionProfile profile) {
        profiles.put(profile.id(), profile);
        return this;
    }

    /** Reservations at this provision go beyond its commissioned places. */
    RecordingProvisionPlaces full(ProvisionId provision) {
        overCapacity.put(provision, true);
        return this;
    }

    /** The provision refuses every reservation with this rule, as the Provision aggregate would. */
    RecordingProvisionPlaces refusing(ProvisionId provision, Rule rule) {
        refusals.put(provision, rule);
        return this;
    }

    @Override
    public ProvisionProfile profile(ProvisionId provision) {
        ProvisionProfile profile = profiles.get(provision);
        if (profile == null) {
            throw new IllegalStateException("no provision " + provision + " configured in this test");
        }
        return profile;
    }

    @Override
    public boolean reserve(ReservePlace command) {
        Rule refusal = refusals.get(command.provisionId());
        if (refusal != null) {
            throw new RuleViolation(refusal, "refused by the provision");
        }
        reserved.add(command);
        return overCapacity.getOrDefault(command.provisionId(), false);
    }

    @Override
    public void release(ReleasePlace command) {
        released.add(command);
    }
}
