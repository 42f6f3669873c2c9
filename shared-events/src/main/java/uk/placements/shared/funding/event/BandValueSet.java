package uk.placements.shared.funding.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.Pounds;

import java.math.BigDecimal;

/** A top-up band's annual value per pupil for a financial year; a correction keeps what it replaced. */
@Revision("1")
public record BandValueSet(BandCode band, FinancialYear financialYear, BigDecimal annualValue, BigDecimal previous,
                           String reason) implements TariffEvent {

    public BandValueSet {
        annualValue = Pounds.stored(annualValue);
        previous = Pounds.stored(previous);
    }
}
