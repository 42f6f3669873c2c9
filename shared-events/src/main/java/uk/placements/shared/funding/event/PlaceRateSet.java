package uk.placements.shared.funding.event;

import org.axonframework.serialization.Revision;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.Pounds;

import java.math.BigDecimal;

/** Place funding per commissioned place of a type for an academic year; a correction keeps what it replaced. */
@Revision("1")
public record PlaceRateSet(ProvisionType type, AcademicYear academicYear, BigDecimal perPlace, BigDecimal previous,
                           String reason) implements TariffEvent {

    public PlaceRateSet {
        perPlace = Pounds.stored(perPlace);
        previous = Pounds.stored(previous);
    }
}
