package uk.placements.query.provision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.BatchedInserts;
import uk.placements.query.KeyOrder;
import uk.placements.query.PerBatch;
import uk.placements.query.RowWrites;
import uk.placements.shared.provision.event.BaseLeadAppointed;
import uk.placements.shared.provision.event.BaseLeadVacant;
import uk.placements.shared.provision.event.BaseModelRecorded;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.PlaceReleased;
import uk.placements.shared.provision.event.PlaceReserved;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.ProvisionEvent;
import uk.placements.shared.provision.event.QualifiedTeacherAccessRecorded;
import uk.placements.shared.provision.event.StaffingRecorded;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read model "provisions": each provision as it is now, and its changes by effective date (places, staffing,
 * status) so any figure can be read "as at" a date, and the over-capacity decisions behind its figures.
 * Idempotent: every event writes one change row keyed by its sequence, or bumps the version; an event no newer than
 * the provision's version was handled before and changes nothing.
 * <p>
 * What an event does to the provision (its status, commissioned places, type, phase, years and designated needs) is
 * decided by the fold the aggregate uses ({@link uk.placements.shared.provision.ProvisionState#evolve}, through
 * {@link ProvisionRow#evolve}); the handlers add the details it does not keep, the change rows and the decisions.
 * <p>
 * Events change {@link ProvisionRow}s in memory; each batch of events writes every provision it touched once, just
 * before it commits with the processor's token (a rebuild is one such batch for the whole history), and its change
 * rows and decisions as JDBC batches in key order.
 */
@Component
@ProcessingGroup(ProvisionProjection.NAME)
public class ProvisionProjection {

    public static final String NAME = "provisions";
    private final JdbcTemplate jdbc;
    /** Writes the rows each batch gathered, by name. */
    private final RowWrites writes;
    /** Change rows: no handler reads them back. */
    private final BatchedInserts inserts;
    /** The over-capacity decisions one batch of events took, and the releases of places held under them. */
    private final PerBatch<Decisions> decisions = new PerBatch<>(Decisions::new, this::write, d -> { });
    /** The provisions one batch of events touched, by id. */
    private final PerBatch<Map<String, ProvisionRow>> batch = new PerBatch<>(LinkedHashMap::new, this::write,
            rows -> { });

    public ProvisionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.inserts = new BatchedInserts(jdbc);
        this.writes = new RowWrites(jdbc);
    }

    @EventHandler
    void on(ProvisionCommissioned e, @SequenceNumber long seq) {
        String id = e.provisionId().value();
        Map<String, ProvisionRow> rows = batch.current();
        // A rebuild meets each event once, and the table it would read still holds the old read model: no look.
        ProvisionRow row = rows.containsKey(id) || PerBatch.wholeHistory() ? rows.get(id) : read(id);
        if (row != null) {
            rows.putIfAbsent(id, row);
            return; // handled before: a provision is commissioned once
        }
        row = new ProvisionRow(id);
        row.isNew = true;
        row.evolve(e);
        row.version = seq;
        row.name = e.name();
        row.hostUrn = e.hostSchool().urn().value();
        row.hostName = e.hostSchool().name();
        row.openedOn = Date.valueOf(e.openedOn());
        rows.put(id, row);
        change(new Change(id, seq, "OPENED", Date.valueOf(e.openedOn()), row.commissionedPlaces, row.status, null,
                null, null, null));
    }

    @EventHandler
    void on(CommissionedPlacesChanged e, @SequenceNumber long seq) {
        ProvisionRow row = change(e, seq, r -> { });
        if (row != null) {
            change(new Change(row.provisionId, seq, "PLACES", Date.valueOf(e.effectiveFrom()),
                    e.commissionedPlaces(), null, null, null, null, e.reason()));
        }
    }

    @EventHandler
    void on(StaffingRecorded e, @SequenceNumber long seq) {
        Date from = Date.valueOf(e.effectiveFrom());
        // Current staffing is the latest by effective date: a correction back-dated behind it is history only.
        ProvisionRow row = change(e, seq, r -> {
            if (r.staffingFrom == null || !r.staffingFrom.after(from)) {
                r.adults = e.adults();
                r.qualifiedTeachers = e.qualifiedTeachers();
                r.therapyHoursPerWeek = e.therapyHoursPerWeek();
                r.staffingFrom = from;
            }
        });
        if (row != null) {
            change(new Change(row.provisionId, seq, "STAFFING", from, null, null, e.adults(),
                    e.qualifiedTeachers(), e.therapyHoursPerWeek(), null));
        }
    }

    @EventHandler
    void on(ProvisionClosed e, @SequenceNumber long seq) {
        ProvisionRow row = change(e, seq, r -> r.closedOn = Date.valueOf(e.closedOn()));
        if (row != null) {
            change(new Change(row.provisionId, seq, "CLOSED", Date.valueOf(e.closedOn()), null, row.status, null,
                    null, null, e.reason()));
        }
    }

    // Inclusion bases (docs/inclusion-bases.md): the model in force is the fold's column; every fact is a change
    // row by effective date, which the standards view reads as at any date.

    @EventHandler
    void on(BaseModelRecorded e, @SequenceNumber long seq) {
        ProvisionRow row = change(e, seq, r -> { });
        if (row != null) {
            change(Change.base(row.provisionId, seq, "BASE_MODEL", e.effectiveFrom(), e.baseModel().name(), null,
                    null, null));
        }
    }

    @EventHandler
    void on(BaseLeadAppointed e, @SequenceNumber long seq) {
        ProvisionRow row = change(e, seq, r -> { });
        if (row != null) {
            change(Change.base(row.provisionId, seq, "BASE_LEAD", e.effectiveFrom(), null, e.teacherName(), null,
                    null));
        }
    }

    @EventHandler
    void on(BaseLeadVacant e, @SequenceNumber long seq) {
        ProvisionRow row = change(e, seq, r -> { });
        if (row != null) {
            change(Change.base(row.provisionId, seq, "BASE_LEAD", e.effectiveFrom(), null, null, null, null));
        }
    }

    @EventHandler
    void on(QualifiedTeacherAccessRecorded e, @SequenceNumber long seq) {
        ProvisionRow row = change(e, seq, r -> { });
        if (row != null) {
            change(Change.base(row.provisionId, seq, "QT_ACCESS", e.effectiveFrom(), null, null, e.hoursPerWeek(),
                    e.mainstreamPeerHoursPerWeek()));
        }
    }

    @EventHandler
    void on(PlaceReserved e, @SequenceNumber long seq) {
        ProvisionRow row = change(e, seq, r -> { });
        if (row != null && e.overCapacityDecision() != null) {
            Decision decision = new Decision(row.provisionId, seq, e.placementId().value(), Date.valueOf(e.on()),
                    e.placesTaken(), e.commissionedPlaces(), e.overCapacityDecision().reason(),
                    e.overCapacityDecision().decidedBy(), null);
            if (CurrentUnitOfWork.isStarted()) {
                decisions.current().decided(decision);
            } else {
                writes.update(Decision.INSERT, decision);
            }
        }
    }

    /** The place held under a decision, if any, is released: the decision holds until that day. */
    @EventHandler
    void on(PlaceReleased e, @SequenceNumber long seq) {
        ProvisionRow row = change(e, seq, r -> { });
        if (row != null) {
            Release release = new Release(row.provisionId, e.placementId().value(), Date.valueOf(e.on()), seq);
            if (!CurrentUnitOfWork.isStarted()) {
                writes.update(Release.UPDATE, release);
            } else if (!decisions.current().released(release) && !PerBatch.wholeHistory()) {
                // a decision of an earlier batch, if any: found by its placement
                // (ix_rm_over_capacity_decision_placement)
                decisions.current().releases.add(release);
            }
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_over_capacity_decision");
        jdbc.update("DELETE FROM rm_provision_change");
        jdbc.update("DELETE FROM rm_provision");
    }

    /**
     * Folds {@code event} into the provision's row ({@link ProvisionRow#evolve}) and applies {@code details}, the
     * columns the fold does not keep, if the event is newer than the row; returns the row, or null if the event was
     * seen before (or its provision is unknown).
     */
    private ProvisionRow change(ProvisionEvent event, long seq, Consumer<ProvisionRow> details) {
        String id = event.provisionId().value();
        Map<String, ProvisionRow> rows = batch.current();
        ProvisionRow row = rows.get(id);
        if (row == null) {
            row = read(id);
            if (row == null) {
                return null;
            }
            rows.put(id, row);
        }
        if (row.version >= seq) {
            return null;
        }
        row.evolve(event);
        details.accept(row);
        row.version = seq;
        return row;
    }

    private ProvisionRow read(String id) {
        return jdbc.query(ProvisionRow.SELECT, rs -> rs.next() ? ProvisionRow.read(rs, id) : null, id);
    }

    /** Every provision the batch touched, once, in key order. */
    private void write(Map<String, ProvisionRow> rows) {
        List<ProvisionRow> inserts = new ArrayList<>();
        List<ProvisionRow> updates = new ArrayList<>();
        KeyOrder.sorted(rows.values(), Comparator.comparing((ProvisionRow row) -> row.provisionId))
                .forEach(row -> (row.isNew ? inserts : updates).add(row));
        writes.batchUpdate(ProvisionRow.INSERT, inserts);
        writes.batchUpdate(ProvisionRow.UPDATE, updates);
    }

    private void change(Change change) {
        inserts.insert("""
                        INSERT INTO rm_provision_change (provision_id, seq, kind, effective_from, commissioned_places,
                            status, adults, qualified_teachers, therapy_hours_per_week, reason, base_model,
                            lead_name, qt_hours_per_week, peer_hours_per_week)
                        VALUES (:provisionId, :seq, :kind, :effectiveFrom, :commissionedPlaces, :status, :adults,
                            :qualifiedTeachers, :therapyHoursPerWeek, :reason, :baseModel, :leadName,
                            :qtHoursPerWeek, :peerHoursPerWeek)""", change);
    }

    /** A row of {@code rm_provision_change}. */
    record Change(String provisionId, long seq, String kind, Date effectiveFrom, Integer commissionedPlaces,
                  String status, Integer adults, Integer qualifiedTeachers, BigDecimal therapyHoursPerWeek,
                  String reason, String baseModel, String leadName, BigDecimal qtHoursPerWeek,
                  BigDecimal peerHoursPerWeek) implements KeyOrder.EventKeyed {

        Change(String provisionId, long seq, String kind, Date effectiveFrom, Integer commissionedPlaces,
               String status, Integer adults, Integer qualifiedTeachers, BigDecimal therapyHoursPerWeek,
               String reason) {
            this(provisionId, seq, kind, effectiveFrom, commissionedPlaces, status, adults, qualifiedTeachers,
                    therapyHoursPerWeek, reason, null, null, null, null);
        }

        /** A fact of an inclusion base. */
        static Change base(String provisionId, long seq, String kind, LocalDate from, String baseModel,
                           String leadName, BigDecimal qtHours, BigDecimal peerHours) {
            return new Change(provisionId, seq, kind, Date.valueOf(from), null, null, null, null, null, null,
                    baseModel, leadName, qtHours, peerHours);
        }

        @Override
        public String aggregate() {
            return provisionId;
        }

        @Override
        public String toString() {
            return "Change[" + provisionId + ", " + seq + ", " + kind + "]"; // no names in logs
        }
    }

    /** Writes the batch's decisions, in key order, then the releases of decisions taken in earlier batches. */
    private void write(Decisions batch) {
        writes.batchUpdate(Decision.INSERT, KeyOrder.sorted(batch.taken, KeyOrder.BY_EVENT));
        writes.batchUpdate(Release.UPDATE, batch.releases);
    }

    /**
     * A batch's decisions and releases. A decision taken in the batch is released in memory (a rebuild, one batch for
     * the whole history, meets every release of its decisions so); a release of none of them is kept to end a
     * decision of an earlier batch, if there is one.
     */
    private static final class Decisions {
        final List<Decision> taken = new ArrayList<>();
        /** The decisions taken in the batch whose place is still held, by provision and placement: their index. */
        final Map<List<String>, Integer> held = new HashMap<>();
        final List<Release> releases = new ArrayList<>();

        void decided(Decision decision) {
            held.put(List.of(decision.provisionId(), decision.placementId()), taken.size());
            taken.add(decision);
        }

        /** Whether {@code release} ended a decision taken in the batch. */
        boolean released(Release release) {
            Integer index = held.remove(List.of(release.provisionId(), release.placementId()));
            if (index == null) {
                return false;
            }
            taken.set(index, taken.get(index).heldUntil(release.on()));
            return true;
        }
    }

    /** A row of {@code rm_over_capacity_decision}. */
    record Decision(String provisionId, long seq, String placementId, Date decidedOn, int placesTaken,
                    int commissionedPlaces, String reason, String decidedBy, Date heldUntil)
            implements KeyOrder.EventKeyed {

        static final String INSERT = """
                INSERT INTO rm_over_capacity_decision (provision_id, seq, placement_id, decided_on, places_taken,
                    commissioned_places, reason, decided_by, held_until)
                VALUES (:provisionId, :seq, :placementId, :decidedOn, :placesTaken, :commissionedPlaces, :reason,
                    :decidedBy, :heldUntil)""";

        Decision heldUntil(Date on) {
            return new Decision(provisionId, seq, placementId, decidedOn, placesTaken, commissionedPlaces, reason,
                    decidedBy, on);
        }

        @Override
        public String aggregate() {
            return provisionId;
        }

        @Override
        public String toString() {
            return "Decision[" + provisionId + ", " + seq + ", " + placementId + "]"; // no reasons in logs
        }
    }

    /** A place released at a provision (event {@code seq}): it ends the placement's decision there, if one holds. */
    record Release(String provisionId, String placementId, Date on, long seq) {

        static final String UPDATE = """
                UPDATE rm_over_capacity_decision SET held_until = :on
                WHERE placement_id = :placementId AND provision_id = :provisionId AND held_until IS NULL
                    AND seq < :seq""";
    }
}
