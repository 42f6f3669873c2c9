package uk.placements.command.funding.domain;

import uk.placements.shared.funding.TariffState;
import uk.placements.shared.funding.event.TariffEvent;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.provision.ProvisionId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link FundingFacts} over events kept in memory, folded as the event store's would be. */
final class InMemoryFundingFacts implements FundingFacts {

    final Map<PlacementId, List<PlacementEvent>> placements = new HashMap<>();
    final List<TariffEvent> tariff = new ArrayList<>();
    final Set<ProvisionId> provisions = new HashSet<>();

    void placement(PlacementId id, PlacementEvent... events) {
        placements.put(id, List.of(events));
    }

    @Override
    public PlacementPeriod placement(PlacementId placement) {
        PlacementPeriod period = PlacementPeriod.NONE;
        for (PlacementEvent event : placements.getOrDefault(placement, List.of())) {
            period = period.evolve(event);
        }
        return period;
    }

    @Override
    public TariffState tariff() {
        return TariffState.fold(tariff);
    }

    @Override
    public boolean provisionExists(ProvisionId provision) {
        return provisions.contains(provision);
    }
}
