package uk.placements.shared.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * One provision's capacity as at a date.
 *
 * @param overCapacityFlag      true when places taken exceed commissioned places
 * @param overCapacityDecisions the audited decisions of the placements holding a place beyond commissioned ones
 */
public record ProvisionCapacity(LocalDate asOf, String provisionId, String name, String type, String phase,
                                List<String> designatedNeeds, CapacityFigures figures, boolean overCapacityFlag,
                                List<Decision> overCapacityDecisions) {

    public ProvisionCapacity {
        designatedNeeds = List.copyOf(designatedNeeds);
        overCapacityDecisions = List.copyOf(overCapacityDecisions);
    }

    /** An over-capacity decision, without its free-text reason (it may name the pupil). */
    public record Decision(String placementId, LocalDate decidedOn, int placesTaken, int commissionedPlaces,
                           String decidedBy) {
    }
}
