package uk.placements.query.capacity;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.KeyOrder;
import uk.placements.query.PerBatch;
import uk.placements.query.RowWrites;
import uk.placements.query.RowsByName;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ProvisionState;
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
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Read model "capacity-ledger": per provision, its capacity and inclusion figures by effective date, the one source
 * every capacity reader reads (the provision view, the dashboards, the live stream, capacity.csv and the reporting
 * views). A row exists only where a figure changes; the figures on date D are the provision's row with the greatest
 * {@code effective_from <= D}. Each event changes the figures from its business date on, in every later row too, so
 * a command back-dated before existing changes is counted from its date, and an "as at" question reads one row per
 * provision however long the history. Each provision's latest row is kept apart as well ({@code rm_capacity_latest},
 * {@link #writeLatest}), where a date on or after its latest change finds it without a seek of the ledger
 * ({@link LedgerInForce}).
 * <p>
 * <b>What changes the figures.</b> A placement event changes a provision's figures by what the placement contributes
 * there after it ({@link Contribution}, folded by {@link PlacementState#evolve}) less what it contributed before,
 * at {@link PlacementState#businessDate}: a placement's business dates never go backwards (R-DATE-ORDER), so the
 * sum of its changes up to D is what its state on D contributes. Each placement event concerns one provision (the
 * one it names; referrals and their withdrawal name none and change nothing here), and what the placement holds
 * there is kept per provision and placement in {@code rm_capacity_placement}. Provision events set the places, the
 * staffing and whether the provision is open from their business date ({@link ProvisionState#businessDate}); places
 * and staffing stay in force until the next change of their kind by effective date, so a back-dated change stops
 * where a later-dated one begins. Places held by offers ({@code PlaceReserved}, {@code PlaceReleased}) are counted
 * from the placement events, which say which were offers and which pupils on roll.
 * <p>
 * <b>Sequencing.</b> Every event that changes a provision's rows is handled in the provision's sequence ({@link
 * ByProvision}), so one thread at a time changes a provision's ledger, and a placement's events at one provision
 * arrive in order. Idempotent: a placement's or a provision's event no newer than the last one applied there
 * changes nothing.
 * <p>
 * Each batch of events changes the ledgers in memory (a provision's rows read back from the one before the
 * earliest date the batch changes) and writes the rows that changed once, in key order, just before it commits with
 * the processor's token. A replay by the processor is many such batches, each carrying on from the rows the ones
 * before it wrote; a rebuild ({@code DirectReplay}) is one batch for the whole history, which reads nothing back.
 */
@Component
@ProcessingGroup(CapacityLedgerProjection.NAME)
public class CapacityLedgerProjection {

    public static final String NAME = "capacity-ledger";

    private final JdbcTemplate jdbc;
    private final RowWrites writes;
    private final PerBatch<Batch> batch = new PerBatch<>(Batch::new, this::write, b -> { });

    public CapacityLedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new RowWrites(jdbc);
    }

    /**
     * What one placement in one state contributes to a provision's figures. Places taken at a provision are its
     * pupils on roll plus its offers outstanding: this is where the read side decides which placements those are.
     */
    record Contribution(int onRoll, int offersOutstanding, int outsideDesignatedNeed, int mainstreamPercentSum,
                        int atOrAboveHalf) {

        static final Contribution NONE = new Contribution(0, 0, 0, 0, 0);

        static Contribution of(PlacementState state, ProvisionId provision) {
            if (state.status() == null || !provision.equals(state.provisionId())) {
                return NONE;
            }
            boolean admitted = state.status() == PlacementStatus.ADMITTED;
            boolean offered = state.status() == PlacementStatus.OFFERED;
            if (!admitted && !offered) {
                return NONE;
            }
            int percent = admitted && state.mainstreamPercent() != null ? state.mainstreamPercent() : 0;
            return new Contribution(admitted ? 1 : 0, offered ? 1 : 0, state.outsideDesignatedNeed() ? 1 : 0,
                    percent, admitted && percent >= 50 ? 1 : 0);
        }

        Contribution minus(Contribution other) {
            return new Contribution(onRoll - other.onRoll, offersOutstanding - other.offersOutstanding,
                    outsideDesignatedNeed - other.outsideDesignatedNeed,
                    mainstreamPercentSum - other.mainstreamPercentSum, atOrAboveHalf - other.atOrAboveHalf);
        }
    }

    /** A provision's figures from a date on: a row of {@code rm_capacity_ledger} without its key. */
    record Figures(boolean isOpen, int commissionedPlaces, LocalDate placesFrom, int onRoll, int offersOutstanding,
                   int outsideDesignatedNeed, int mainstreamPercentSum, int atOrAboveHalf, Integer adults,
                   Integer qualifiedTeachers, BigDecimal therapyHoursPerWeek, LocalDate staffingFrom) {

        /** Before anything happened at the provision: the figures of a date before its first row. */
        static final Figures NONE = new Figures(false, 0, null, 0, 0, 0, 0, 0, null, null, null, null);

        Figures plus(Contribution c) {
            return new Figures(isOpen, commissionedPlaces, placesFrom, onRoll + c.onRoll(),
                    offersOutstanding + c.offersOutstanding(), outsideDesignatedNeed + c.outsideDesignatedNeed(),
                    mainstreamPercentSum + c.mainstreamPercentSum(), atOrAboveHalf + c.atOrAboveHalf(), adults,
                    qualifiedTeachers, therapyHoursPerWeek, staffingFrom);
        }

        /** Places set from {@code from}, unless these figures hold places set from a later date. */
        Figures places(int places, LocalDate from) {
            if (placesFrom != null && placesFrom.isAfter(from)) {
                return this;
            }
            return new Figures(isOpen, places, from, onRoll, offersOutstanding, outsideDesignatedNeed,
                    mainstreamPercentSum, atOrAboveHalf, adults, qualifiedTeachers, therapyHoursPerWeek, staffingFrom);
        }

        /** Staffing recorded from {@code from}, unless these figures hold staffing recorded from a later date. */
        Figures staffing(int newAdults, int teachers, BigDecimal therapy, LocalDate from) {
            if (staffingFrom != null && staffingFrom.isAfter(from)) {
                return this;
            }
            return new Figures(isOpen, commissionedPlaces, placesFrom, onRoll, offersOutstanding,
                    outsideDesignatedNeed, mainstreamPercentSum, atOrAboveHalf, newAdults, teachers, therapy, from);
        }

        /**
         * Places left: commissioned places less places taken (pupils on roll plus offers outstanding), never below 0.
         * The ledger keeps it with the row (V178); nothing else derives it.
         */
        int vacancies() {
            return Math.max(0, commissionedPlaces - onRoll - offersOutstanding);
        }

        /** Places taken beyond the commissioned places, never below 0; kept with the row like {@link #vacancies}. */
        int overCapacity() {
            return Math.max(0, onRoll + offersOutstanding - commissionedPlaces);
        }

        Figures open(boolean open) {
            return new Figures(open, commissionedPlaces, placesFrom, onRoll, offersOutstanding, outsideDesignatedNeed,
                    mainstreamPercentSum, atOrAboveHalf, adults, qualifiedTeachers, therapyHoursPerWeek, staffingFrom);
        }
    }

    /**
     * A row of {@code rm_capacity_ledger}, its values read by name when written. Vacancies and over-capacity are
     * written from the figures ({@link Figures#vacancies}) and not read back into them.
     */
    record Row(String provisionId, Date effectiveFrom, boolean isOpen, int commissionedPlaces, Date placesFrom,
               int onRoll, int offersOutstanding, int outsideDesignatedNeed, int mainstreamPercentSum,
               int atOrAboveHalf, Integer adults, Integer qualifiedTeachers, BigDecimal therapyHoursPerWeek,
               Date staffingFrom, int vacancies, int overCapacity) {

        static Row of(String provisionId, LocalDate from, Figures f) {
            return new Row(provisionId, Date.valueOf(from), f.isOpen(), f.commissionedPlaces(), date(f.placesFrom()),
                    f.onRoll(), f.offersOutstanding(), f.outsideDesignatedNeed(), f.mainstreamPercentSum(),
                    f.atOrAboveHalf(), f.adults(), f.qualifiedTeachers(), f.therapyHoursPerWeek(),
                    date(f.staffingFrom()), f.vacancies(), f.overCapacity());
        }

        Figures figures() {
            return new Figures(isOpen, commissionedPlaces, local(placesFrom), onRoll, offersOutstanding,
                    outsideDesignatedNeed, mainstreamPercentSum, atOrAboveHalf, adults, qualifiedTeachers,
                    therapyHoursPerWeek, local(staffingFrom));
        }
    }

    /** A row of {@code rm_capacity_placement}: what a placement holds at a provision, as its event {@code version} left it. */
    record Holding(String provisionId, String placementId, long version, String status, boolean atProvision,
                   Integer mainstreamPercent, boolean outsideDesignatedNeed) {

        /** The placement's state as far as this provision's figures go, for {@link PlacementState#evolve}. */
        PlacementState state() {
            return new PlacementState(new PlacementId(placementId), version, null, PlacementStatus.valueOf(status), 0,
                    null, null, null, atProvision ? new ProvisionId(provisionId) : null, null, mainstreamPercent,
                    outsideDesignatedNeed, null, null);
        }

        static Holding of(String provisionId, String placementId, long version, PlacementState state) {
            return new Holding(provisionId, placementId, version, state.status().name(),
                    state.provisionId() != null, state.mainstreamPercent(), state.outsideDesignatedNeed());
        }
    }

    /** A row of {@code rm_capacity_provision}. */
    record ProvisionVersion(String provisionId, long version) {
    }

    @EventHandler
    void on(PlacementEvent event, @SequenceNumber long seq) {
        ProvisionId provision = ByProvision.provisionOf(event);
        if (provision == null) {
            return; // a referral, or its withdrawal: no provision holds anything for it
        }
        String provisionId = provision.value();
        String placementId = event.placementId().value();
        Batch b = batch.current();
        String key = provisionId + "|" + placementId;
        Holding held = b.holdings.get(key);
        if (held == null && !b.fromNothing) {
            held = readHolding(provisionId, placementId);
            if (held != null) {
                b.storedHoldings.add(key);
            }
        }
        if (held != null && held.version() >= seq) {
            return; // handled before
        }
        PlacementState before = held == null ? PlacementState.NONE : held.state();
        PlacementState after = before.evolve(event);
        b.holdings.put(key, Holding.of(provisionId, placementId, seq, after));
        Contribution change = Contribution.of(after, provision).minus(Contribution.of(before, provision));
        if (!change.equals(Contribution.NONE)) {
            ledger(b, provisionId).change(PlacementState.businessDate(event), f -> f.plus(change));
        }
    }

    @EventHandler
    void on(ProvisionEvent event, @SequenceNumber long seq) {
        String provisionId = event.provisionId().value();
        Batch b = batch.current();
        Long version = b.versions.containsKey(provisionId) || b.fromNothing ? b.versions.get(provisionId)
                : readVersion(provisionId);
        if (version != null && version >= seq) {
            return; // handled before
        }
        if (!b.versions.containsKey(provisionId) && version != null) {
            b.storedVersions.add(provisionId);
        }
        b.versions.put(provisionId, seq);
        LocalDate on = ProvisionState.businessDate(event);
        UnaryOperator<Figures> change = change(event, on);
        if (change != null) {
            ledger(b, provisionId).change(on, change);
        }
    }

    /**
     * How a provision event changes the figures from its date on; null for the places offers hold, and for the facts
     * of an inclusion base, which change no figure here.
     */
    private static UnaryOperator<Figures> change(ProvisionEvent event, LocalDate on) {
        if (event instanceof ProvisionCommissioned e) {
            return f -> f.open(true).places(e.commissionedPlaces(), on);
        }
        if (event instanceof CommissionedPlacesChanged e) {
            return f -> f.places(e.commissionedPlaces(), on);
        }
        if (event instanceof StaffingRecorded e) {
            // NUMERIC(7, 1) keeps one decimal: kept so in memory too, or 2.50 and 2.5 would read as a change
            BigDecimal therapy = e.therapyHoursPerWeek() == null ? null
                    : e.therapyHoursPerWeek().setScale(1, RoundingMode.HALF_UP);
            return f -> f.staffing(e.adults(), e.qualifiedTeachers(), therapy, on);
        }
        if (event instanceof ProvisionClosed) {
            return f -> f.open(false);
        }
        if (event instanceof PlaceReserved || event instanceof PlaceReleased) {
            return null;
        }
        if (event instanceof BaseModelRecorded || event instanceof BaseLeadAppointed || event instanceof BaseLeadVacant
                || event instanceof QualifiedTeacherAccessRecorded) {
            return null; // the facts of an inclusion base: the provisions read model keeps them by date
        }
        throw new IllegalArgumentException("unknown provision event " + event.getClass().getName());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_capacity_ledger");
        jdbc.update("DELETE FROM rm_capacity_latest");
        jdbc.update("DELETE FROM rm_capacity_placement");
        jdbc.update("DELETE FROM rm_capacity_provision");
    }

    /**
     * The provision's ledger in this batch: read back from the table as the batch needs its rows, unless the batch
     * is a rebuild's whole history, which starts from nothing (the table still holds the old read model).
     */
    private Ledger ledger(Batch b, String provisionId) {
        return b.ledgers.computeIfAbsent(provisionId, id -> new Ledger(id, b.fromNothing));
    }

    /**
     * One provision's rows as a batch changes them: every row of the table from {@code loadedFrom} on (all of them
     * once {@code complete}), read back lazily, and the rows as they were read, to write only what changed.
     */
    private final class Ledger {
        final String provisionId;
        final TreeMap<LocalDate, Figures> rows = new TreeMap<>();
        final Map<LocalDate, Figures> stored = new HashMap<>();
        boolean complete;
        LocalDate loadedFrom;

        Ledger(String provisionId, boolean empty) {
            this.provisionId = provisionId;
            this.complete = empty;
        }

        /** Applies {@code change} to the figures from {@code on} on, then drops rows that no longer change any. */
        void change(LocalDate on, UnaryOperator<Figures> change) {
            load(on);
            if (!rows.containsKey(on)) {
                Map.Entry<LocalDate, Figures> before = rows.lowerEntry(on);
                rows.put(on, before == null ? Figures.NONE : before.getValue());
            }
            rows.tailMap(on, true).replaceAll((date, figures) -> change.apply(figures));
            Map.Entry<LocalDate, Figures> before = rows.lowerEntry(on);
            Figures previous = before == null ? Figures.NONE : before.getValue();
            var later = rows.tailMap(on, true).entrySet().iterator();
            while (later.hasNext()) {
                Figures figures = later.next().getValue();
                if (figures.equals(previous)) {
                    later.remove();
                } else {
                    previous = figures;
                }
            }
        }

        /** Reads back the rows from the last one before {@code on}, unless they are here already. */
        private void load(LocalDate on) {
            if (complete || (loadedFrom != null && loadedFrom.isBefore(on))) {
                return;
            }
            // the first row before the date in the key's descending order: read from the key backwards, one row
            // (H2 reads every earlier row of the provision for MAX(effective_from) with the date as a condition)
            Date before = jdbc.queryForList("SELECT effective_from FROM rm_capacity_ledger "
                            + "WHERE provision_id = ? AND effective_from < ? "
                            + "ORDER BY provision_id DESC, effective_from DESC FETCH FIRST 1 ROW ONLY", Date.class,
                    provisionId, Date.valueOf(on)).stream().findFirst().orElse(null);
            StringBuilder sql = new StringBuilder("SELECT * FROM rm_capacity_ledger WHERE provision_id = ?");
            List<Object> args = new ArrayList<>(List.of(provisionId));
            if (before != null) {
                sql.append(" AND effective_from >= ?");
                args.add(before);
            }
            if (loadedFrom != null) {
                sql.append(" AND effective_from < ?");
                args.add(Date.valueOf(loadedFrom));
            }
            for (Row row : jdbc.query(sql.toString(), RowsByName.of(Row.class), args.toArray())) {
                LocalDate from = row.effectiveFrom().toLocalDate();
                rows.put(from, row.figures());
                stored.put(from, row.figures());
            }
            if (before == null) {
                complete = true;
            } else {
                loadedFrom = before.toLocalDate();
            }
        }
    }

    /** What one batch of events changed. */
    private static final class Batch {
        /**
         * A rebuild's whole history ({@link PerBatch#wholeHistory}): nothing is read back. Any other batch, in a
         * replay by the processor too, reads back what earlier batches wrote for the provisions and placements it
         * meets (the replay's first batch finds the tables empty).
         */
        final boolean fromNothing = PerBatch.wholeHistory();
        final Map<String, Ledger> ledgers = new LinkedHashMap<>();
        /** The holdings the batch changed, by provision and placement; those read back from the table are updates. */
        final Map<String, Holding> holdings = new HashMap<>();
        final TreeSet<String> storedHoldings = new TreeSet<>();
        final Map<String, Long> versions = new HashMap<>();
        final TreeSet<String> storedVersions = new TreeSet<>();
    }

    private void write(Batch b) {
        List<Row> deletes = new ArrayList<>();
        List<Row> updates = new ArrayList<>();
        List<Row> inserts = new ArrayList<>();
        KeyOrder.sorted(b.ledgers.values(), Comparator.comparing((Ledger l) -> l.provisionId)).forEach(ledger -> {
            TreeSet<LocalDate> dates = new TreeSet<>(ledger.rows.keySet());
            dates.addAll(ledger.stored.keySet());
            for (LocalDate date : dates) {
                Figures now = ledger.rows.get(date);
                Figures then = ledger.stored.get(date);
                if (now == null) {
                    deletes.add(Row.of(ledger.provisionId, date, then));
                } else if (then == null) {
                    inserts.add(Row.of(ledger.provisionId, date, now));
                } else if (!now.equals(then)) {
                    updates.add(Row.of(ledger.provisionId, date, now));
                }
            }
        });
        writes.batchUpdate("DELETE FROM rm_capacity_ledger WHERE provision_id = :provisionId "
                + "AND effective_from = :effectiveFrom", deletes);
        writes.batchUpdate("""
                UPDATE rm_capacity_ledger SET is_open = :isOpen, commissioned_places = :commissionedPlaces,
                    places_from = :placesFrom, on_roll = :onRoll, offers_outstanding = :offersOutstanding,
                    outside_designated_need = :outsideDesignatedNeed, mainstream_percent_sum = :mainstreamPercentSum,
                    at_or_above_half = :atOrAboveHalf, adults = :adults, qualified_teachers = :qualifiedTeachers,
                    therapy_hours_per_week = :therapyHoursPerWeek, staffing_from = :staffingFrom,
                    vacancies = :vacancies, over_capacity = :overCapacity
                WHERE provision_id = :provisionId AND effective_from = :effectiveFrom""", updates);
        writes.batchUpdate(INSERT_LEDGER_ROW, inserts);
        writeLatest(b);

        List<Holding> newHoldings = new ArrayList<>();
        List<Holding> changedHoldings = new ArrayList<>();
        KeyOrder.sorted(b.holdings.entrySet(), Map.Entry.comparingByKey()).forEach(e ->
                (b.storedHoldings.contains(e.getKey()) ? changedHoldings : newHoldings).add(e.getValue()));
        writes.batchUpdate("""
                UPDATE rm_capacity_placement SET version = :version, status = :status, at_provision = :atProvision,
                    mainstream_percent = :mainstreamPercent, outside_designated_need = :outsideDesignatedNeed
                WHERE provision_id = :provisionId AND placement_id = :placementId""", changedHoldings);
        writes.batchUpdate("""
                INSERT INTO rm_capacity_placement (provision_id, placement_id, version, status, at_provision,
                    mainstream_percent, outside_designated_need)
                VALUES (:provisionId, :placementId, :version, :status, :atProvision, :mainstreamPercent,
                    :outsideDesignatedNeed)""", newHoldings);

        List<ProvisionVersion> newVersions = new ArrayList<>();
        List<ProvisionVersion> changedVersions = new ArrayList<>();
        KeyOrder.sorted(b.versions.entrySet(), Map.Entry.comparingByKey()).forEach(e ->
                (b.storedVersions.contains(e.getKey()) ? changedVersions : newVersions)
                        .add(new ProvisionVersion(e.getKey(), e.getValue())));
        writes.batchUpdate("UPDATE rm_capacity_provision SET version = :version WHERE provision_id = :provisionId",
                changedVersions);
        writes.batchUpdate("INSERT INTO rm_capacity_provision (provision_id, version) VALUES (:provisionId, :version)",
                newVersions);
    }

    /**
     * Each provision's latest row (the greatest effective_from) into {@code rm_capacity_latest}, where the batch
     * changed it: its date or its figures. A ledger the batch read back holds every row from the one before its
     * earliest change to the last ({@link Ledger#load}), so its last row as read is the table's latest.
     */
    private void writeLatest(Batch b) {
        List<Row> replaced = new ArrayList<>();
        List<Row> latest = new ArrayList<>();
        KeyOrder.sorted(b.ledgers.values(), Comparator.comparing((Ledger l) -> l.provisionId)).forEach(ledger -> {
            Map.Entry<LocalDate, Figures> now = ledger.rows.lastEntry();
            LocalDate thenFrom = ledger.stored.keySet().stream().max(Comparator.naturalOrder()).orElse(null);
            Figures then = thenFrom == null ? null : ledger.stored.get(thenFrom);
            if (now != null && now.getKey().equals(thenFrom) && now.getValue().equals(then)) {
                return;
            }
            if (thenFrom != null) {
                replaced.add(Row.of(ledger.provisionId, thenFrom, then));
            }
            if (now != null) {
                latest.add(Row.of(ledger.provisionId, now.getKey(), now.getValue()));
            }
        });
        writes.batchUpdate("DELETE FROM rm_capacity_latest WHERE provision_id = :provisionId", replaced);
        writes.batchUpdate(INSERT_LATEST_ROW, latest);
    }

    private static final String INSERT_LEDGER_ROW = insertRow("rm_capacity_ledger");
    private static final String INSERT_LATEST_ROW = insertRow("rm_capacity_latest");

    /** The INSERT of a {@link Row} into {@code table}: the ledger, or the latest rows, which have its columns. */
    private static String insertRow(String table) {
        return """
                INSERT INTO %s (provision_id, effective_from, is_open, commissioned_places,
                    places_from, on_roll, offers_outstanding, outside_designated_need, mainstream_percent_sum,
                    at_or_above_half, adults, qualified_teachers, therapy_hours_per_week, staffing_from, vacancies,
                    over_capacity)
                VALUES (:provisionId, :effectiveFrom, :isOpen, :commissionedPlaces, :placesFrom, :onRoll,
                    :offersOutstanding, :outsideDesignatedNeed, :mainstreamPercentSum, :atOrAboveHalf, :adults,
                    :qualifiedTeachers, :therapyHoursPerWeek, :staffingFrom, :vacancies, :overCapacity)""".formatted(table);
    }

    private Holding readHolding(String provisionId, String placementId) {
        List<Holding> rows = jdbc.query("SELECT * FROM rm_capacity_placement WHERE provision_id = ? "
                + "AND placement_id = ?", RowsByName.of(Holding.class), provisionId, placementId);
        if (rows.isEmpty()) {
            return null;
        }
        return rows.get(0);
    }

    private Long readVersion(String provisionId) {
        List<Long> versions = jdbc.queryForList("SELECT version FROM rm_capacity_provision WHERE provision_id = ?",
                Long.class, provisionId);
        return versions.isEmpty() ? null : versions.get(0);
    }


    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
