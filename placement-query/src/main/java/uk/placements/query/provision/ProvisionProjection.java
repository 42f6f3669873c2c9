package uk.placements.query.provision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.BatchedInserts;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.PlaceReleased;
import uk.placements.shared.provision.event.PlaceReserved;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.StaffingRecorded;

import java.sql.Date;
import java.util.stream.Collectors;

/**
 * Read model "provisions": each provision as it is now, and its changes by effective date (places, staffing,
 * status) so any figure can be read "as at" a date, and the over-capacity decisions behind its figures.
 * Idempotent: every event writes one change row keyed by its sequence, or bumps the version; a row that exists
 * means the event was handled.
 */
@Component
@ProcessingGroup(ProvisionProjection.NAME)
public class ProvisionProjection {

    public static final String NAME = "provisions";
    private final JdbcTemplate jdbc;
    /** Change rows and decisions: no handler reads them back; rm_provision itself is written at once. */
    private final BatchedInserts inserts;

    public ProvisionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.inserts = new BatchedInserts(jdbc);
    }

    @EventHandler
    void on(ProvisionCommissioned e, @SequenceNumber long seq, ReplayStatus replay) {
        String id = e.provisionId().value();
        // A replay follows a reset that cleared the tables and meets each event once: no need to look.
        if (!replay.isReplay() && version(id) >= seq) {
            return;
        }
        jdbc.update("""
                        INSERT INTO rm_provision (provision_id, version, name, type, phase, host_urn, host_name,
                            lowest_year, highest_year, designated_needs, commissioned_places, status, opened_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""",
                id, seq, e.name(), e.type().name(), e.phase().name(), e.hostSchool().urn().value(),
                e.hostSchool().name(), e.lowestYear(), e.highestYear(),
                e.designatedNeeds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                e.commissionedPlaces(), Date.valueOf(e.openedOn()));
        change(id, seq, "OPENED", e.openedOn(), e.commissionedPlaces(), "OPEN", null, null, null, null);
    }

    @EventHandler
    void on(CommissionedPlacesChanged e, @SequenceNumber long seq) {
        String id = e.provisionId().value();
        if (bump(id, seq, "commissioned_places = ?", e.commissionedPlaces())) {
            change(id, seq, "PLACES", e.effectiveFrom(), e.commissionedPlaces(), null, null, null, null, e.reason());
        }
    }

    @EventHandler
    void on(StaffingRecorded e, @SequenceNumber long seq) {
        String id = e.provisionId().value();
        // Current staffing is the latest by effective date: a correction back-dated behind it is history only.
        if (bump(id, seq, """
                        adults = CASE WHEN staffing_from IS NULL OR staffing_from <= ? THEN ? ELSE adults END,
                        qualified_teachers = CASE WHEN staffing_from IS NULL OR staffing_from <= ? THEN ?
                            ELSE qualified_teachers END,
                        therapy_hours_per_week = CASE WHEN staffing_from IS NULL OR staffing_from <= ? THEN ?
                            ELSE therapy_hours_per_week END,
                        staffing_from = CASE WHEN staffing_from IS NULL OR staffing_from <= ? THEN ?
                            ELSE staffing_from END""",
                Date.valueOf(e.effectiveFrom()), e.adults(), Date.valueOf(e.effectiveFrom()), e.qualifiedTeachers(),
                Date.valueOf(e.effectiveFrom()), e.therapyHoursPerWeek(), Date.valueOf(e.effectiveFrom()),
                Date.valueOf(e.effectiveFrom()))) {
            change(id, seq, "STAFFING", e.effectiveFrom(), null, null, e.adults(), e.qualifiedTeachers(),
                    e.therapyHoursPerWeek(), null);
        }
    }

    @EventHandler
    void on(ProvisionClosed e, @SequenceNumber long seq) {
        String id = e.provisionId().value();
        if (bump(id, seq, "status = 'CLOSED', closed_on = ?", Date.valueOf(e.closedOn()))) {
            change(id, seq, "CLOSED", e.closedOn(), null, "CLOSED", null, null, null, e.reason());
        }
    }

    @EventHandler
    void on(PlaceReserved e, @SequenceNumber long seq) {
        String id = e.provisionId().value();
        if (bump(id, seq, null) && e.overCapacityDecision() != null) {
            inserts.insert("""
                            INSERT INTO rm_over_capacity_decision (provision_id, seq, placement_id, decided_on,
                                places_taken, commissioned_places, reason, decided_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    id, seq, e.placementId().value(), Date.valueOf(e.on()), e.placesTaken(), e.commissionedPlaces(),
                    e.overCapacityDecision().reason(), e.overCapacityDecision().decidedBy());
        }
    }

    @EventHandler
    void on(PlaceReleased e, @SequenceNumber long seq) {
        bump(e.provisionId().value(), seq, null);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_over_capacity_decision");
        jdbc.update("DELETE FROM rm_provision_change");
        jdbc.update("DELETE FROM rm_provision");
    }

    private long version(String id) {
        return jdbc.query("SELECT version FROM rm_provision WHERE provision_id = ?", (rs, i) -> rs.getLong(1), id)
                .stream().findFirst().orElse(-1L);
    }

    /**
     * Applies the assignments (null: none) and the new version if the event is newer than the row; false if the
     * event was seen before.
     */
    private boolean bump(String id, long seq, String assignments, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = seq;
        args[values.length + 1] = id;
        args[values.length + 2] = seq;
        return jdbc.update("UPDATE rm_provision SET " + (assignments == null ? "" : assignments + ", ")
                + "version = ? WHERE provision_id = ? AND version < ?", args) == 1;
    }

    private void change(String id, long seq, String kind, java.time.LocalDate from, Integer places, String status,
                        Integer adults, Integer teachers, java.math.BigDecimal therapy, String reason) {
        inserts.insert("""
                        INSERT INTO rm_provision_change (provision_id, seq, kind, effective_from, commissioned_places,
                            status, adults, qualified_teachers, therapy_hours_per_week, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, seq, kind, Date.valueOf(from), places, status, adults, teachers, therapy, reason);
    }
}
