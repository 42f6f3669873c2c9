package uk.placements.app.demo;

import uk.placements.shared.common.PlacementStatus;

import java.util.List;
import java.util.Map;

/**
 * The commands that build a generated authority, in the order they must be sent, and what the generator expects
 * them to produce. The tallies hold counts only, so they are safe to log.
 *
 * @param commands           Axon commands, in sending order
 * @param provisions         provisions commissioned
 * @param provisionsClosed   provisions closed (emptied first)
 * @param placementsByStatus each placement's final status
 * @param overCapacityOffers offers made beyond commissioned places under an over-capacity decision
 * @param needOverrides      offers made outside the provision's designated needs
 * @param offersDeclined     offers declined by the family or school
 * @param offersWithdrawn    offers withdrawn by the authority
 * @param timeSplitChanges   time-split changes (increases and reductions)
 */
public record AuthorityPlan(List<Object> commands, int provisions, int provisionsClosed,
                            Map<PlacementStatus, Integer> placementsByStatus, int overCapacityOffers,
                            int needOverrides, int offersDeclined, int offersWithdrawn, int timeSplitChanges) {

    public AuthorityPlan {
        commands = List.copyOf(commands);
        placementsByStatus = Map.copyOf(placementsByStatus);
    }

    public int placements() {
        return placementsByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }
}
