package uk.placements.shared.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.FundingStreams;

import java.math.BigDecimal;

/** Set the place funding (elements 1 and 2) per commissioned place of a type of provision for an academic year. */
public record SetPlaceRate(ProvisionType type, AcademicYear academicYear, BigDecimal perPlace, String reason) {

    @TargetAggregateIdentifier
    public String tariffId() {
        return FundingStreams.TARIFF;
    }
}
