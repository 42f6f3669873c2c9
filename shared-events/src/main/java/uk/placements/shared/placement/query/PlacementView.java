package uk.placements.shared.placement.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A placement as API.md shows it: state, pupil, provision, split, flags, dates and timeline. */
public record PlacementView(String id, long version, String status, PupilView pupil, int yearGroup,
                            String primaryNeed, List<String> secondaryNeeds, String ehcpStatus, String requestedType,
                            String homeSchoolUrn, ProvisionRef provision, Integer mainstreamPercent,
                            boolean belowIntegrationBand, boolean outsideDesignatedNeed, String needOverrideReason,
                            OverCapacity overCapacityDecision, LocalDate referredOn, LocalDate offeredOn,
                            LocalDate admittedOn, LocalDate endedOn, String endReason, List<TimelineEntry> timeline) {

    public record ProvisionRef(String id, String name, String type) {
    }

    public record OverCapacity(String reason, String decidedBy) {
    }

    /** What happened, on which business date, when it was recorded and by whom. */
    public record TimelineEntry(long sequence, String type, LocalDate on, Instant recordedAt, String by,
                                String detail) {
    }
}
