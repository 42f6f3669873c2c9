package uk.placements.app.demo;

import uk.placements.shared.common.PlacementStatus;

import java.util.List;
import java.util.Map;

/**
 * The commands that build a generated authority, in the order they must be sent ({@code commands}, then {@code
 * fundingCommands}), and what the generator expects them to produce. The tallies hold counts only, so they are safe to log.
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
 * @param fundingCommands    the money, sent after {@code commands}: the tariff, each admitted placement's top-up
 *                           band and its changes, and place-change returns for the next academic year
 * @param fundedPlacements   placements with a top-up band
 * @param bandChanges        top-up band changes (each with its reason)
 * @param placeChangeReturns place-change returns for the next academic year
 */
public record AuthorityPlan(List<Object> commands, int provisions, int provisionsClosed,
                            Map<PlacementStatus, Integer> placementsByStatus, int overCapacityOffers,
                            int needOverrides, int offersDeclined, int offersWithdrawn, int timeSplitChanges,
                            List<Object> fundingCommands, int fundedPlacements, int bandChanges,
                            int placeChangeReturns) {

    public AuthorityPlan {
        commands = List.copyOf(commands);
        fundingCommands = List.copyOf(fundingCommands);
        placementsByStatus = Map.copyOf(placementsByStatus);
    }

    public int placements() {
        return placementsByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }
}
