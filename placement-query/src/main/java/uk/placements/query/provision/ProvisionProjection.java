package uk.placements.query.provision;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.BatchedInserts;
import uk.placements.query.KeyOrder;
import uk.placements.query.PerBatch;
import uk.placements.query.RowWrites;
import uk.placements.shared.provision.event.CommissionedPlacesChanged;
import uk.placements.shared.provision.event.PlaceReleased;
import uk.placements.shared.provision.event.PlaceReserved;
import uk.placements.shared.provision.event.ProvisionClosed;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.StaffingRecorded;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Read model "provisions": each provision as it is now, and its changes by effective date (places, staffing,
 * status) so any figure can be read "as at" a date, and the over-capacity decisions behind its figures.
 * Idempotent: every event writes one change row keyed by its sequence, or bumps the version; an event no newer than
 * the provision's version was handled before and changes nothing.
 * <p>
 * Events change {@link Row}s in memory; each batch of events writes every provision it touched once, just before it
 * commits with the processor's token (a rebuild is one such batch for the whole history), and its change rows and
 * decisions as JDBC batches in key order.
 */
@Component
@ProcessingGroup(ProvisionProjection.NAME)
public class ProvisionProjection {

    public static final String NAME = "provisions";
    private final JdbcTemplate jdbc;
    /** Writes the rows each batch gathered, by name. */
    private final RowWrites writes;
    /** Change rows and decisions: no handler reads them back. */
    private final BatchedInserts inserts;
    /** The provisions one batch of events touched, by id. */
    private final PerBatch<Map<String, Row>> batch = new PerBatch<>(LinkedHashMap::new, this::write, rows -> { });

    public ProvisionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.inserts = new BatchedInserts(jdbc);
        this.writes = new RowWrites(jdbc);
    }

    /** One row of {@code rm_provision}, as a batch of events leaves it. */
    private static final class Row {
        final String provisionId;
        boolean isNew;
        long version;
        String name;
        String type;
        String phase;
        String hostUrn;
        String hostName;
        int lowestYear;
        int highestYear;
        String designatedNeeds;
        int commissionedPlaces;
        String status;
        Date openedOn;
        Date closedOn;
        Integer adults;
        Integer qualifiedTeachers;
        BigDecimal therapyHoursPerWeek;
        Date staffingFrom;

        Row(String provisionId) {
            this.provisionId = provisionId;
        }
    }

    /** The columns besides the key, and the fields of {@link Row} their parameters are named after. */
    private static final List<String> FIELDS = List.of("version", "name", "type", "phase", "hostUrn", "hostName",
            "lowestYear", "highestYear", "designatedNeeds", "commissionedPlaces", "status", "openedOn", "closedOn",
            "adults", "qualifiedTeachers", "therapyHoursPerWeek", "staffingFrom");
    private static final String COLUMNS = String.join(", ", FIELDS.stream().map(ProvisionProjection::column).toList());
    private static final String PARAMETERS = String.join(", ", FIELDS.stream().map(f -> ":" + f).toList());
    private static final String ASSIGNMENTS = String.join(", ",
            FIELDS.stream().map(f -> column(f) + " = :" + f).toList());

    /** {@code hostUrn} to {@code host_urn}. */
    private static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    @EventHandler
    void on(ProvisionCommissioned e, @SequenceNumber long seq, ReplayStatus replay) {
        String id = e.provisionId().value();
        Map<String, Row> rows = batch.current();
        // A replay meets each event once, and the table it would read still holds the old read model: no look.
        Row row = rows.containsKey(id) || replay.isReplay() ? rows.get(id) : read(id);
        if (row != null) {
            rows.putIfAbsent(id, row);
            return; // handled before: a provision is commissioned once
        }
        row = new Row(id);
        row.isNew = true;
        row.version = seq;
        row.name = e.name();
        row.type = e.type().name();
        row.phase = e.phase().name();
        row.hostUrn = e.hostSchool().urn().value();
        row.hostName = e.hostSchool().name();
        row.lowestYear = e.lowestYear();
        row.highestYear = e.highestYear();
        row.designatedNeeds = e.designatedNeeds().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        row.commissionedPlaces = e.commissionedPlaces();
        row.status = "OPEN";
        row.openedOn = Date.valueOf(e.openedOn());
        rows.put(id, row);
        change(id, seq, "OPENED", e.openedOn(), e.commissionedPlaces(), "OPEN", null, null, null, null);
    }

    @EventHandler
    void on(CommissionedPlacesChanged e, @SequenceNumber long seq) {
        String id = e.provisionId().value();
        if (bump(id, seq, row -> row.commissionedPlaces = e.commissionedPlaces())) {
            change(id, seq, "PLACES", e.effectiveFrom(), e.commissionedPlaces(), null, null, null, null, e.reason());
        }
    }

    @EventHandler
    void on(StaffingRecorded e, @SequenceNumber long seq) {
        String id = e.provisionId().value();
        Date from = Date.valueOf(e.effectiveFrom());
        // Current staffing is the latest by effective date: a correction back-dated behind it is history only.
        if (bump(id, seq, row -> {
            if (row.staffingFrom == null || !row.staffingFrom.after(from)) {
                row.adults = e.adults();
                row.qualifiedTeachers = e.qualifiedTeachers();
                row.therapyHoursPerWeek = e.therapyHoursPerWeek();
                row.staffingFrom = from;
            }
        })) {
            change(id, seq, "STAFFING", e.effectiveFrom(), null, null, e.adults(), e.qualifiedTeachers(),
                    e.therapyHoursPerWeek(), null);
        }
    }

    @EventHandler
    void on(ProvisionClosed e, @SequenceNumber long seq) {
        String id = e.provisionId().value();
        if (bump(id, seq, row -> {
            row.status = "CLOSED";
            row.closedOn = Date.valueOf(e.closedOn());
        })) {
            change(id, seq, "CLOSED", e.closedOn(), null, "CLOSED", null, null, null, e.reason());
        }
    }

    @EventHandler
    void on(PlaceReserved e, @SequenceNumber long seq) {
        String id = e.provisionId().value();
        if (bump(id, seq, row -> { }) && e.overCapacityDecision() != null) {
            inserts.insert("""
                            INSERT INTO rm_over_capacity_decision (provision_id, seq, placement_id, decided_on,
                                places_taken, commissioned_places, reason, decided_by)
                            VALUES (:provisionId, :seq, :placementId, :decidedOn, :placesTaken, :commissionedPlaces,
                                :reason, :decidedBy)""",
                    new Decision(id, seq, e.placementId().value(), Date.valueOf(e.on()), e.placesTaken(),
                            e.commissionedPlaces(), e.overCapacityDecision().reason(),
                            e.overCapacityDecision().decidedBy()));
        }
    }

    @EventHandler
    void on(PlaceReleased e, @SequenceNumber long seq) {
        bump(e.provisionId().value(), seq, row -> { });
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_over_capacity_decision");
        jdbc.update("DELETE FROM rm_provision_change");
        jdbc.update("DELETE FROM rm_provision");
    }

    /**
     * Applies {@code change} and the new version if the event is newer than the provision's row; false if the event
     * was seen before (or its provision is unknown).
     */
    private boolean bump(String id, long seq, Consumer<Row> change) {
        Map<String, Row> rows = batch.current();
        Row row = rows.get(id);
        if (row == null) {
            row = read(id);
            if (row == null) {
                return false;
            }
            rows.put(id, row);
        }
        if (row.version >= seq) {
            return false;
        }
        change.accept(row);
        row.version = seq;
        return true;
    }

    private Row read(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rm_provision WHERE provision_id = ?", rs -> {
            if (!rs.next()) {
                return null;
            }
            Row row = new Row(id);
            row.version = rs.getLong("version");
            row.name = rs.getString("name");
            row.type = rs.getString("type");
            row.phase = rs.getString("phase");
            row.hostUrn = rs.getString("host_urn");
            row.hostName = rs.getString("host_name");
            row.lowestYear = rs.getInt("lowest_year");
            row.highestYear = rs.getInt("highest_year");
            row.designatedNeeds = rs.getString("designated_needs");
            row.commissionedPlaces = rs.getInt("commissioned_places");
            row.status = rs.getString("status");
            row.openedOn = rs.getDate("opened_on");
            row.closedOn = rs.getDate("closed_on");
            row.adults = (Integer) rs.getObject("adults");
            row.qualifiedTeachers = (Integer) rs.getObject("qualified_teachers");
            row.therapyHoursPerWeek = rs.getBigDecimal("therapy_hours_per_week");
            row.staffingFrom = rs.getDate("staffing_from");
            return row;
        }, id);
    }

    /** Every provision the batch touched, once, in key order. */
    private void write(Map<String, Row> rows) {
        List<Row> inserts = new ArrayList<>();
        List<Row> updates = new ArrayList<>();
        KeyOrder.sorted(rows.values(), Comparator.comparing((Row row) -> row.provisionId))
                .forEach(row -> (row.isNew ? inserts : updates).add(row));
        writes.batchUpdate("INSERT INTO rm_provision (provision_id, " + COLUMNS + ") VALUES (:provisionId, "
                + PARAMETERS + ")", inserts);
        writes.batchUpdate("UPDATE rm_provision SET " + ASSIGNMENTS + " WHERE provision_id = :provisionId",
                updates);
    }

    private void change(String id, long seq, String kind, LocalDate from, Integer places, String status,
                        Integer adults, Integer teachers, BigDecimal therapy, String reason) {
        inserts.insert("""
                        INSERT INTO rm_provision_change (provision_id, seq, kind, effective_from, commissioned_places,
                            status, adults, qualified_teachers, therapy_hours_per_week, reason)
                        VALUES (:provisionId, :seq, :kind, :effectiveFrom, :commissionedPlaces, :status, :adults,
                            :qualifiedTeachers, :therapyHoursPerWeek, :reason)""",
                new Change(id, seq, kind, Date.valueOf(from), places, status, adults, teachers, therapy, reason));
    }

    /** A row of {@code rm_provision_change}. */
    record Change(String provisionId, long seq, String kind, Date effectiveFrom, Integer commissionedPlaces,
                  String status, Integer adults, Integer qualifiedTeachers, BigDecimal therapyHoursPerWeek,
                  String reason) implements KeyOrder.EventKeyed {
        @Override
        public String aggregate() {
            return provisionId;
        }
    }

    /** A row of {@code rm_over_capacity_decision}. */
    record Decision(String provisionId, long seq, String placementId, Date decidedOn, int placesTaken,
                    int commissionedPlaces, String reason, String decidedBy) implements KeyOrder.EventKeyed {
        @Override
        public String aggregate() {
            return provisionId;
        }
    }
}
