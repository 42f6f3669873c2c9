package uk.placements.query.caseload;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.BatchedInserts;
import uk.placements.query.Recorded;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.placement.event.ReferralWithdrawn;
import uk.placements.shared.placement.event.TimeSplitChanged;
import uk.placements.shared.pupil.PupilErased;
import uk.placements.shared.pupil.PupilVault;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Read model "caseload": each placement as it is now, with its pupil's personal data opened for caseworkers, and
 * its timeline. Idempotent: an event whose timeline entry exists was handled already, and a row changes only for
 * an event newer than its version, so an event handled twice leaves the same state.
 */
@Component
@ProcessingGroup(CaseloadProjection.NAME)
public class CaseloadProjection {

    public static final String NAME = "caseload";
    private final JdbcTemplate jdbc;
    private final PupilVault vault;
    private final BatchedInserts inserts;

    public CaseloadProjection(JdbcTemplate jdbc, PupilVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.inserts = new BatchedInserts(jdbc);
    }

    @EventHandler
    void on(PupilReferred e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData,
            ReplayStatus replay) {
        if (handled(e.placementId().value(), seq, replay)) {
            return;
        }
        Recorded r = Recorded.of(seq, at, metaData);
        UnaryOperator<String> open = vault.opener(e.pupilId());
        String upn = open.apply(e.pupil().upn());
        String given = open.apply(e.pupil().givenName());
        String family = open.apply(e.pupil().familyName());
        String dob = open.apply(e.pupil().dateOfBirth());
        boolean erased = PupilVault.ERASED.equals(upn);
        jdbc.update("""
                        INSERT INTO rm_placement (placement_id, version, pupil_id, status, year_group, primary_need,
                            secondary_needs, ehcp_status, requested_type, home_school_urn, below_integration_band,
                            outside_designated_need, referred_on, last_recorded_at, upn, given_name, family_name,
                            date_of_birth, pupil_erased, search_text)
                        VALUES (?, ?, ?, 'REFERRED', ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.placementId().value(), seq, e.pupilId().value(), e.yearGroup(), e.primaryNeed().name(),
                e.secondaryNeeds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                e.ehcpStatus().name(), e.requestedType() == null ? null : e.requestedType().name(),
                e.homeSchoolUrn(), Date.valueOf(e.referredOn()), r.timestamp(),
                erased ? null : upn, erased ? null : given, erased ? null : family,
                erased ? null : Date.valueOf(LocalDate.parse(dob)), erased,
                erased ? null : (given + " " + family + " " + upn).toLowerCase(Locale.ROOT));
        timeline(e.placementId().value(), r, "PupilReferred", e.referredOn(),
                "referred in year " + e.yearGroup() + ", primary need " + e.primaryNeed()
                        + (e.requestedType() == null ? "" : ", asking for a " + e.requestedType()));
    }

    @EventHandler
    void on(PlaceOffered e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData,
            ReplayStatus replay) {
        if (handled(e.placementId().value(), seq, replay)) {
            return;
        }
        Recorded r = Recorded.of(seq, at, metaData);
        change(e.placementId().value(), r, """
                        status = 'OFFERED', provision_id = ?, provision_type = ?, offered_on = ?,
                        outside_designated_need = ?, need_override_reason = ?, over_capacity_reason = ?,
                        over_capacity_decided_by = ?""",
                e.provisionId().value(), e.provisionType().name(), Date.valueOf(e.offeredOn()),
                e.outsideDesignatedNeed(), e.needOverrideReason(),
                e.overCapacityDecision() == null ? null : e.overCapacityDecision().reason(),
                e.overCapacityDecision() == null ? null : e.overCapacityDecision().decidedBy());
        timeline(e.placementId().value(), r, "PlaceOffered", e.offeredOn(), "offered a place at "
                + e.provisionId() + (e.outsideDesignatedNeed() ? " outside its designated needs" : "")
                + (e.overCapacityDecision() == null ? "" : " over capacity, decided by "
                + e.overCapacityDecision().decidedBy()));
    }

    @EventHandler
    void on(OfferDeclined e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData,
            ReplayStatus replay) {
        if (handled(e.placementId().value(), seq, replay)) {
            return;
        }
        backToReferred(e.placementId().value(), Recorded.of(seq, at, metaData), "OfferDeclined", e.on(),
                "offer at " + e.provisionId() + " declined: " + e.reason());
    }

    @EventHandler
    void on(OfferWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData,
            ReplayStatus replay) {
        if (handled(e.placementId().value(), seq, replay)) {
            return;
        }
        backToReferred(e.placementId().value(), Recorded.of(seq, at, metaData), "OfferWithdrawn", e.on(),
                "offer at " + e.provisionId() + " withdrawn: " + e.reason());
    }

    @EventHandler
    void on(PupilAdmitted e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData,
            ReplayStatus replay) {
        if (handled(e.placementId().value(), seq, replay)) {
            return;
        }
        Recorded r = Recorded.of(seq, at, metaData);
        change(e.placementId().value(), r,
                "status = 'ADMITTED', admitted_on = ?, mainstream_percent = ?, below_integration_band = ?",
                Date.valueOf(e.admittedOn()), e.mainstreamPercent(), e.belowIntegrationBand());
        timeline(e.placementId().value(), r, "PupilAdmitted", e.admittedOn(), "admitted at " + e.provisionId()
                + " with " + e.mainstreamPercent() + "% in mainstream" + (e.defaultSplit() ? " (the default)" : ""));
    }

    @EventHandler
    void on(TimeSplitChanged e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData,
            ReplayStatus replay) {
        if (handled(e.placementId().value(), seq, replay)) {
            return;
        }
        Recorded r = Recorded.of(seq, at, metaData);
        change(e.placementId().value(), r, "mainstream_percent = ?, below_integration_band = ?",
                e.mainstreamPercent(), e.belowIntegrationBand());
        timeline(e.placementId().value(), r, "TimeSplitChanged", e.effectiveFrom(), "time in mainstream "
                + e.previousPercent() + "% to " + e.mainstreamPercent() + "%"
                + (e.reason() == null ? "" : ": " + e.reason().text()));
    }

    @EventHandler
    void on(MovedToMainstream e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData,
            ReplayStatus replay) {
        if (handled(e.placementId().value(), seq, replay)) {
            return;
        }
        Recorded r = Recorded.of(seq, at, metaData);
        change(e.placementId().value(), r, "status = 'MOVED_TO_MAINSTREAM', ended_on = ?",
                Date.valueOf(e.effectiveFrom()));
        timeline(e.placementId().value(), r, "MovedToMainstream", e.effectiveFrom(),
                "moved on to full-time mainstream from " + e.provisionId());
    }

    @EventHandler
    void on(PlacementEnded e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData,
            ReplayStatus replay) {
        if (handled(e.placementId().value(), seq, replay)) {
            return;
        }
        Recorded r = Recorded.of(seq, at, metaData);
        change(e.placementId().value(), r, "status = 'ENDED', ended_on = ?, end_reason = ?",
                Date.valueOf(e.effectiveFrom()), e.reason().name());
        timeline(e.placementId().value(), r, "PlacementEnded", e.effectiveFrom(),
                "placement at " + e.provisionId() + " ended: " + e.reason());
    }

    @EventHandler
    void on(ReferralWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData,
            ReplayStatus replay) {
        if (handled(e.placementId().value(), seq, replay)) {
            return;
        }
        Recorded r = Recorded.of(seq, at, metaData);
        change(e.placementId().value(), r, "status = 'WITHDRAWN', ended_on = ?", Date.valueOf(e.on()));
        timeline(e.placementId().value(), r, "ReferralWithdrawn", e.on(), "referral withdrawn: " + e.reason());
    }

    /**
     * Each event writes exactly one timeline entry, keyed by its sequence: if that entry exists, the event was
     * handled before (a redelivery after a crash) and changes nothing now. A replay needs no look: it follows a reset,
     * which cleared the tables, and its batches commit with their tokens, so it meets each event once. Skipping the
     * look spares a query per event, a third of a replay's statements.
     */
    private boolean handled(String placement, long seq, ReplayStatus replay) {
        if (replay.isReplay()) {
            return false;
        }
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM rm_timeline WHERE placement_id = ? AND seq = ?",
                Integer.class, placement, seq);
        return n != null && n > 0;
    }

    /** Erasure scrubs every placement of the pupil at once; applying it twice changes nothing more. */
    @EventHandler
    void on(PupilErased e) {
        jdbc.update("""
                        UPDATE rm_placement SET upn = NULL, given_name = NULL, family_name = NULL,
                            date_of_birth = NULL, search_text = NULL, pupil_erased = TRUE
                        WHERE pupil_id = ?""", e.pupilId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_timeline");
        jdbc.update("DELETE FROM rm_placement");
    }

    private void backToReferred(String placement, Recorded r, String type, LocalDate on, String detail) {
        change(placement, r, """
                status = 'REFERRED', provision_id = NULL, provision_type = NULL, offered_on = NULL,
                outside_designated_need = FALSE, need_override_reason = NULL, over_capacity_reason = NULL,
                over_capacity_decided_by = NULL""");
        timeline(placement, r, type, on, detail);
    }

    /** Applies {@code assignments} only if this event is newer than the row: replays and redeliveries are no-ops. */
    private void change(String placement, Recorded r, String assignments, Object... values) {
        Object[] args = new Object[values.length + 4];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = r.seq();
        args[values.length + 1] = r.timestamp();
        args[values.length + 2] = placement;
        args[values.length + 3] = r.seq();
        jdbc.update("UPDATE rm_placement SET " + assignments + ", version = ?, last_recorded_at = ? "
                + "WHERE placement_id = ? AND version < ?", args);
    }

    /** Batched: only {@link #handled} reads the timeline, and only for events of earlier, committed batches. */
    private void timeline(String placement, Recorded r, String type, LocalDate on, String detail) {
        inserts.insert("""
                        INSERT INTO rm_timeline (placement_id, seq, type, on_date, recorded_at, by_user, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                placement, r.seq(), type, Date.valueOf(on), r.timestamp(), r.by(),
                detail.length() > 600 ? detail.substring(0, 600) : detail);
    }
}
