package uk.placements.shared.placement.query;

import java.time.Instant;
import java.time.LocalDate;

/** One line of a caseload. {@code daysWaiting} counts from referral for placements still waiting for an offer. */
public record CaseloadItem(String id, long version, String status, PupilView pupil, int yearGroup, String primaryNeed,
                           String ehcpStatus, String provisionId, String provisionType, Integer mainstreamPercent,
                           boolean belowIntegrationBand, boolean outsideDesignatedNeed, LocalDate referredOn,
                           Integer daysWaiting, Instant lastChanged) {
}
