package uk.placements.shared.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.provision.ProvisionId;

import java.math.BigDecimal;

/** Set a provision's own annual top-up rate per pupil for a financial year, paid instead of a band. */
public record SetProvisionTopUpRate(ProvisionId provisionId, FinancialYear financialYear, BigDecimal annualValue,
                                    String reason) {

    @TargetAggregateIdentifier
    public String tariffId() {
        return FundingStreams.TARIFF;
    }
}
