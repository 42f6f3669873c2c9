package uk.placements.shared.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.funding.TopUpBasis;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;

/**
 * Pay a placement's top-up from {@code effectiveFrom} at a band (or its provision's own rate, {@code band} null).
 * The first is an assignment; every later one a change, which needs a reason. Back-dating is allowed.
 */
public record AssignTopUp(PlacementId placementId, TopUpBasis basis, BandCode band, LocalDate effectiveFrom,
                          String reason) {

    @TargetAggregateIdentifier
    public String fundingId() {
        return FundingStreams.fundingOf(placementId);
    }
}
