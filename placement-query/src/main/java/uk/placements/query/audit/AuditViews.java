package uk.placements.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/** What auditors are answered. */
public final class AuditViews {

    private AuditViews() {
    }

    /** One event of a history, in the shape of API.md. */
    public record AuditEvent(long sequence, String type, String revision, Instant recordedAt, LocalDate businessDate,
                             String userId, String correlationId, JsonNode payload) {
    }

    /** The aggregate as the system knew it at {@code asOf}, folded from the events recorded up to then. */
    public record StateAsOf(String id, Instant asOf, int eventsFolded, Instant lastRecordedAt, Object state) {
    }

    /** The hash chain recomputed: {@code firstBrokenSequence} is null when intact. */
    public record Verification(boolean intact, int events, Long firstBrokenSequence) {
    }
}
