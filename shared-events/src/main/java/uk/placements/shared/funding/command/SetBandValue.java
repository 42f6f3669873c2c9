package uk.placements.shared.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.FundingStreams;

import java.math.BigDecimal;

/** Set a top-up band's annual value per pupil for a financial year; the first value brings the band into being. */
public record SetBandValue(BandCode band, FinancialYear financialYear, BigDecimal annualValue, String reason) {

    @TargetAggregateIdentifier
    public String tariffId() {
        return FundingStreams.TARIFF;
    }
}
