package uk.placements.shared.placement.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.SplitChangeCategory;

import java.time.LocalDate;

/** Change the share of the week the pupil spends in mainstream classes; a reason may carry a category. */
public record ChangeTimeSplit(@TargetAggregateIdentifier PlacementId placementId, int mainstreamPercent,
                              LocalDate effectiveFrom, String reason, SplitChangeCategory reasonCategory) {

    public ChangeTimeSplit(PlacementId placementId, int mainstreamPercent, LocalDate effectiveFrom, String reason) {
        this(placementId, mainstreamPercent, effectiveFrom, reason, null);
    }
}
