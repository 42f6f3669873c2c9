package uk.placements.shared.funding.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.Pounds;
import uk.placements.shared.funding.TopUpBasis;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A placement's top-up is paid from {@code effectiveFrom} at a band ({@code band}) or at its provision's own rate
 * ({@code band} null), worth {@code annualValue} a year on that date. {@code change} is false for the first
 * assignment; a change carries its reason and what was in force on that date before it ({@code previousBand} null
 * with {@code previousBasis} PROVISION_RATE for the provision's rate; both null if nothing was). Who recorded it,
 * and when, are the event's metadata and timestamp, as for every event.
 */
@Revision("1")
public record TopUpAssigned(PlacementId placementId, ProvisionId provisionId, TopUpBasis basis, BandCode band,
                            LocalDate effectiveFrom, BigDecimal annualValue, boolean change,
                            TopUpBasis previousBasis, BandCode previousBand, String reason) implements FundingEvent {

    public TopUpAssigned {
        annualValue = Pounds.stored(annualValue);
    }
}
