package uk.placements.shared.funding.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.Pounds;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;

/** A provision's own annual top-up rate per pupil for a financial year; a correction keeps what it replaced. */
@Revision("1")
public record ProvisionTopUpRateSet(ProvisionId provisionId, FinancialYear financialYear, BigDecimal annualValue,
                                    BigDecimal previous, String reason) implements TariffEvent {

    public ProvisionTopUpRateSet {
        annualValue = Pounds.stored(annualValue);
        previous = Pounds.stored(previous);
    }
}
