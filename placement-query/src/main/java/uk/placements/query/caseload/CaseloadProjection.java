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
import uk.placements.query.KeyOrder;
import uk.placements.query.LatestCache;
import uk.placements.query.PerBatch;
import uk.placements.query.Recorded;
import uk.placements.query.RowWrites;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.placement.event.ReferralWithdrawn;
import uk.placements.shared.placement.event.TimeSplitChanged;
import uk.placements.shared.pupil.PupilErased;
import uk.placements.shared.pupil.PupilVault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Read model "caseload": each placement as it is now, with its pupil's personal data opened for caseworkers.
 * Idempotent: a row changes only for an event newer than its version, and a referral only makes a row that does not
 * exist, so an event handled twice leaves the same state. What an event does to the placement's status, provision
 * and time split is decided by the fold the aggregate uses ({@link
 * uk.placements.shared.placement.PlacementState#evolve}, through {@link PlacementRow#evolve}); the handlers add the
 * details it does not keep. A placement's timeline is not kept here: it is read from its events
 * ({@link PlacementTimeline}).
 * <p>
 * Events change {@link PlacementRow}s in memory; each batch of events writes every row it touched once, in key
 * order, just before it commits with the processor's token (a rebuild is one such batch for the whole history). A
 * placement's next event in a later batch reads its row back only when it is not the one the previous batch left
 * ({@link LatestCache}). The same batch adds what its rows changed to the totals the caseload page reads
 * ({@link CaseloadCounts}, {@code rm_caseload_count}).
 */
@Component
@ProcessingGroup(CaseloadProjection.NAME)
public class CaseloadProjection {

    public static final String NAME = "caseload";
    private final JdbcTemplate jdbc;
    /** Writes the rows each batch gathered, by name. */
    private final RowWrites writes;
    private final PupilVault vault;
    /**
     * How long after a referral its pupil's key may still be on its way (see {@link PupilVault#opener(
     * uk.placements.shared.placement.PupilId, Instant, java.time.Duration)}): meanwhile the batch is retried.
     */
    static final java.time.Duration KEY_PATIENCE = java.time.Duration.ofSeconds(60);
    private final PerBatch<Batch> batch = new PerBatch<>(Batch::new, this::write, this::committed);
    /** Rows as their last batch left them, so that the next event of a placement need not read its row back. */
    private final LatestCache<PlacementRow> cache = new LatestCache<>(row -> row.version, 250_000);

    public CaseloadProjection(JdbcTemplate jdbc, PupilVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.writes = new RowWrites(jdbc);
    }

    @EventHandler
    void on(PupilReferred e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData,
            ReplayStatus replay) {
        // a redelivery (after a crash, of an event whose batch committed): its row exists, nothing to do
        if (!replay.isReplay() && row(e.placementId().value(), seq) != null) {
            return;
        }
        Recorded r = Recorded.of(seq, at, metaData);
        PlacementRow row = new PlacementRow(e.placementId().value(), e.pupilId().value());
        row.isNew = true;
        row.evolve(e);
        row.version = seq;
        row.secondaryNeeds = e.secondaryNeeds().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        row.homeSchoolUrn = e.homeSchoolUrn();
        row.lastRecordedAt = r.timestamp();
        if (PerBatch.wholeHistory()) {
            // opened with every other referral's before the rebuild writes (openSealed): one key lookup per
            // chunk of pupils, not one query per referral
            row.sealed = e.pupil();
            row.sealedAt = at;
        } else {
            row.open(e.pupil(), vault.opener(e.pupilId(), at, KEY_PATIENCE));
        }
        batch.current().rows.put(row.placementId, row);
    }

    @EventHandler
    void on(PlaceOffered e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        Recorded r = Recorded.of(seq, at, metaData);
        change(e, r, row -> {
            row.offeredOn = e.offeredOn();
            row.needOverrideReason = e.needOverrideReason();
            row.overCapacityReason = e.overCapacityDecision() == null ? null : e.overCapacityDecision().reason();
            row.overCapacityDecidedBy = e.overCapacityDecision() == null ? null
                    : e.overCapacityDecision().decidedBy();
        });
    }

    @EventHandler
    void on(OfferDeclined e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        backToReferred(e, Recorded.of(seq, at, metaData));
    }

    @EventHandler
    void on(OfferWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        backToReferred(e, Recorded.of(seq, at, metaData));
    }

    @EventHandler
    void on(PupilAdmitted e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        Recorded r = Recorded.of(seq, at, metaData);
        change(e, r, row -> {
            row.admittedOn = e.admittedOn();
            row.belowIntegrationBand = e.belowIntegrationBand();
        });
    }

    @EventHandler
    void on(TimeSplitChanged e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        Recorded r = Recorded.of(seq, at, metaData);
        change(e, r, row -> row.belowIntegrationBand = e.belowIntegrationBand());
    }

    @EventHandler
    void on(MovedToMainstream e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        Recorded r = Recorded.of(seq, at, metaData);
        change(e, r, row -> row.endedOn = e.effectiveFrom());
    }

    @EventHandler
    void on(PlacementEnded e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        Recorded r = Recorded.of(seq, at, metaData);
        change(e, r, row -> {
            row.endedOn = e.effectiveFrom();
            row.endReason = e.reason().name();
        });
    }

    @EventHandler
    void on(ReferralWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at, MetaData metaData) {
        Recorded r = Recorded.of(seq, at, metaData);
        change(e, r, row -> row.endedOn = e.on());
    }

    /**
     * Erasure scrubs every placement of the pupil at once, those this batch is about to insert too; applying it twice
     * changes nothing more. (Updates never write personal data, so a row this batch updates cannot bring it back.)
     */
    @EventHandler
    void on(PupilErased e) {
        for (PlacementRow row : batch.current().rows.values()) {
            if (row.isNew && row.pupilId.equals(e.pupilId().value())) {
                row.erase();
            }
        }
        jdbc.update("""
                        UPDATE rm_placement SET upn = NULL, given_name = NULL, family_name = NULL,
                            date_of_birth = NULL, search_text = NULL, pupil_erased = TRUE
                        WHERE pupil_id = ?""", e.pupilId().value());
    }

    @ResetHandler
    void reset() {
        cache.clear();
        jdbc.update("DELETE FROM rm_caseload_count");
        jdbc.update("DELETE FROM rm_placement");
    }

    /** An offer declined or withdrawn: the fold returns the placement to referred; the offer's details go too. */
    private void backToReferred(PlacementEvent e, Recorded r) {
        change(e, r, row -> {
            row.offeredOn = null;
            row.needOverrideReason = null;
            row.overCapacityReason = null;
            row.overCapacityDecidedBy = null;
        });
    }

    /**
     * Folds {@code event} into the placement's row ({@link PlacementRow#evolve}) and applies {@code details}, the
     * columns the fold does not keep, only if this event is newer than the row (replays and redeliveries are no-ops);
     * the batch writes the row once, however many of its events it holds.
     */
    private void change(PlacementEvent event, Recorded r, Consumer<PlacementRow> details) {
        PlacementRow row = row(event.placementId().value(), r.seq());
        if (row == null || row.version >= r.seq()) {
            return;
        }
        row.evolve(event);
        details.accept(row);
        row.version = r.seq();
        row.lastRecordedAt = r.timestamp();
    }

    /** The row as this batch has it, else as the last batch left it (if that was event {@code seq - 1}), else read. */
    private PlacementRow row(String placement, long seq) {
        Map<String, PlacementRow> rows = batch.current().rows;
        PlacementRow row = rows.get(placement);
        if (row == null) {
            PlacementRow cached = cache.before(placement, seq);
            row = cached != null ? cached.copy() : jdbc.query(PlacementRow.SELECT_CHANGING,
                    rs -> rs.next() ? PlacementRow.read(rs) : null, placement);
            if (row != null) {
                rows.put(placement, row);
            }
        }
        return row;
    }

    /** The rows one batch of events touched. */
    private static final class Batch {
        final Map<String, PlacementRow> rows = new LinkedHashMap<>();
    }

    private void write(Batch b) {
        openSealed(b.rows.values());
        List<PlacementRow> inserts = new ArrayList<>();
        List<PlacementRow> updates = new ArrayList<>();
        // in key order: a rebuild writes every row in one batch, and so fills the key's pages one after another
        for (PlacementRow row : KeyOrder.valuesByKey(b.rows)) {
            (row.isNew ? inserts : updates).add(row);
        }
        writes.batchUpdate(PlacementRow.INSERT, inserts);
        writes.batchUpdate(PlacementRow.UPDATE, updates);
        CaseloadCounts counts = new CaseloadCounts();
        b.rows.values().forEach(row -> counts.add(row.placementId, row.counted, row.filters()));
        counts.write(writes);
    }

    /**
     * Opens the personal data of the referrals a rebuild left sealed, with the keys of all their pupils read at once
     * ({@link PupilVault#openers}), on every core: the rows are opened each by itself, and each thread has its own
     * cipher (a rebuild of 1,000,000 events opens 200,000 referrals' data here). A pupil without a key is asked for
     * alone afterwards, as a live batch asks, which tells an erased pupil from a key still on its way. A pupil erased
     * later in the history has no key either, and its row was erased by then ({@link #on(PupilErased)}), so nothing
     * is left to open.
     */
    private void openSealed(Collection<PlacementRow> rows) {
        List<PlacementRow> sealed = rows.stream().filter(row -> row.sealed != null).toList();
        if (sealed.isEmpty()) {
            return;
        }
        Map<PupilId, UnaryOperator<String>> openers = vault.openers(
                sealed.stream().map(row -> new PupilId(row.pupilId)).toList());
        sealed.parallelStream().forEach(row -> {
            UnaryOperator<String> open = openers.get(new PupilId(row.pupilId));
            if (open != null) {
                row.open(row.sealed, open);
            }
        });
        for (PlacementRow row : sealed) {
            if (row.sealed != null) {
                PupilId pupil = new PupilId(row.pupilId);
                row.open(row.sealed, vault.opener(pupil, row.sealedAt, KEY_PATIENCE));
            }
        }
    }

    private void committed(Batch b) {
        b.rows.values().forEach(row -> {
            row.isNew = false;
            row.counted = row.filters();
            row.forgetPersonalData();
        });
        cache.putAll(b.rows);
    }
}
