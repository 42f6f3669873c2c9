package uk.placements.shared.funding.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.funding.PlaceChangeReason;
import uk.placements.shared.provision.ProvisionId;

/**
 * A provision's place-change return for an academic year: the places it asks for ({@code places}) with the reason
 * for the change, or a nil return ({@code nilReturn}: the places of this academic year again, {@code places} then
 * null or those places). {@code correction} is why a return already recorded is replaced.
 */
public record RecordPlaceChange(ProvisionId provisionId, AcademicYear academicYear, Integer places,
                                boolean nilReturn, PlaceChangeReason reason, String note, String correction) {

    @TargetAggregateIdentifier
    public String returnId() {
        return FundingStreams.placeChangeOf(provisionId, academicYear);
    }
}
