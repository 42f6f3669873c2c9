package uk.placements.shared.provision.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;

/**
 * Record who, from a date, is the qualified teacher with day-to-day responsibility for the base: {@code teacherName}
 * names them, or is null when the post is vacant from that date. The name is staff data: {@link #toString} leaves it
 * out, so that no log that prints the command holds it.
 */
public record RecordBaseLead(@TargetAggregateIdentifier ProvisionId provisionId, String teacherName,
                             LocalDate effectiveFrom) {

    @Override
    public String toString() {
        return "RecordBaseLead[provisionId=" + provisionId + ", " + (teacherName == null ? "vacant" : "named")
                + ", effectiveFrom=" + effectiveFrom + "]";
    }
}
