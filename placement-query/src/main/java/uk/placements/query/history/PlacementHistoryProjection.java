package uk.placements.query.history;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.BatchedInserts;
import uk.placements.query.KeyOrder;
import uk.placements.query.LatestCache;
import uk.placements.query.PerBatch;
import uk.placements.query.RowWrites;
import uk.placements.query.RowsByName;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.ReferralWithdrawn;
import uk.placements.shared.placement.event.TimeSplitChanged;
import uk.placements.shared.provision.ProvisionId;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read model "placement-history": each placement's state over business time, so that every dashboard figure can be
 * asked "as at" a date. A placement's business dates never go backwards (R-DATE-ORDER), so each event opens a period
 * valid from its business date until the next event's. Milestones (offers, admissions, split changes, endings) are
 * the facts the inclusion and waiting-time figures count. Idempotent: a period exists once per event sequence.
 * <p>
 * Each batch of events writes its periods, the closing of earlier ones and its milestones as JDBC batches just before
 * it commits with the processor's token; a placement's previous period comes from the batch, else from
 * {@link LatestCache}, and is read back from the table only when neither has it.
 */
@Component
@ProcessingGroup(PlacementHistoryProjection.NAME)
public class PlacementHistoryProjection {

    public static final String NAME = "placement-history";
    private final JdbcTemplate jdbc;
    /** Writes the rows each batch gathered, by name. */
    private final RowWrites writes;
    /** Milestones: no handler reads them back. */
    private final BatchedInserts milestones;
    /** Each placement's last period as its last batch left it, so that its next event need not read it back. */
    private final LatestCache<Latest> cache = new LatestCache<>(Latest::seq, 250_000);
    private final PerBatch<Batch> batch = new PerBatch<>(Batch::new, this::write, b -> cache.putAll(b.latest()));

    public PlacementHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.milestones = new BatchedInserts(jdbc);
        this.writes = new RowWrites(jdbc);
    }

    /** The state a period carries. */
    record Period(String status, int yearGroup, String primaryNeed, String ehcpStatus, String provisionId,
                  String provisionType, Integer mainstreamPercent, boolean belowBand, boolean outsideNeed,
                  boolean overCapacity, LocalDate referredOn, LocalDate offeredOn, LocalDate admittedOn) {

        /**
         * The fold's state as far as a period holds it, to fold the next event into. A period does not keep the
         * pupil, the type the referral asked for, the version or the last business date: they read as null (-1 for
         * the version), and the history reads none of them. After a move to mainstream the period has the split
         * the pupil left with where the fold has 100; nothing follows a move.
         */
        PlacementState state(PlacementId id) {
            return new PlacementState(id, -1, null, PlacementStatus.valueOf(status), yearGroup,
                    NeedCode.valueOf(primaryNeed), EhcpStatus.valueOf(ehcpStatus), null,
                    provisionId == null ? null : new ProvisionId(provisionId),
                    provisionType == null ? null : ProvisionType.valueOf(provisionType), mainstreamPercent,
                    outsideNeed, referredOn, null);
        }
    }

    @EventHandler
    void on(PlacementEvent event, @SequenceNumber long seq, ReplayStatus replay) {
        String id = event.placementId().value();
        // A replay follows a reset that cleared the tables and meets each event once: no need to look.
        if (!replay.isReplay() && exists(id, seq)) {
            return;
        }
        Batch b = batch.current();
        InBatch inBatch = b.placements.get(id);
        Latest before = seq == 0 ? null : previous(inBatch, event.placementId(), seq);
        if (seq > 0 && before == null) {
            throw new IllegalStateException("placement history out of order for sequence " + seq);
        }
        LocalDate on = PlacementState.businessDate(event);
        Latest after = evolve(before, seq, event);
        Period previous = before == null ? null : before.period();
        Period next = after.period();
        if (previous != null) {
            if (inBatch != null && inBatch.row.seq == seq - 1) {
                inBatch.row.validTo = on;
            } else {
                b.closes.add(new Close(id, seq - 1, on));
            }
        }
        PeriodRow row = new PeriodRow(id, seq, on, next);
        b.periods.add(row);
        if (inBatch == null) {
            b.placements.put(id, new InBatch(after, row));
        } else {
            inBatch.latest = after;
            inBatch.row = row;
        }
        String kind = milestone(previous, event);
        if (kind != null) {
            Integer fromReferral = (int) ChronoUnit.DAYS.between(next.referredOn(), on);
            LocalDate offered = previous == null ? null : previous.offeredOn();
            Integer fromOffer = offered == null ? null : (int) ChronoUnit.DAYS.between(offered, on);
            milestones.insert("""
                            INSERT INTO rm_placement_milestone (placement_id, seq, kind, on_date, provision_id,
                                days_from_referral, days_from_offer)
                            VALUES (:placementId, :seq, :kind, :onDate, :provisionId, :daysFromReferral,
                                :daysFromOffer)""",
                    new Milestone(id, seq, kind, on, next.provisionId() != null ? next.provisionId()
                            : previous == null ? null : previous.provisionId(), fromReferral, fromOffer));
        }
    }

    /** A row of {@code rm_placement_milestone}. */
    record Milestone(String placementId, long seq, String kind, LocalDate onDate, String provisionId,
                     Integer daysFromReferral, Integer daysFromOffer) implements KeyOrder.EventKeyed {
        @Override
        public String aggregate() {
            return placementId;
        }
    }

    /** The end of a period an earlier batch wrote. */
    record Close(String placementId, long seq, LocalDate validTo) implements KeyOrder.EventKeyed {
        @Override
        public String aggregate() {
            return placementId;
        }
    }

    /** A row of {@code rm_placement_period}: a period and when it holds; it is closed when the next event comes. */
    static final class PeriodRow implements KeyOrder.EventKeyed {
        final String placementId;
        final long seq;
        final LocalDate validFrom;
        LocalDate validTo;
        final String status;
        final int yearGroup;
        final String primaryNeed;
        final String ehcpStatus;
        final String provisionId;
        final String provisionType;
        final Integer mainstreamPercent;
        final boolean belowIntegrationBand;
        final boolean outsideDesignatedNeed;
        final boolean overCapacity;
        final LocalDate referredOn;
        final LocalDate offeredOn;
        final LocalDate admittedOn;

        PeriodRow(String placementId, long seq, LocalDate validFrom, Period period) {
            this.placementId = placementId;
            this.seq = seq;
            this.validFrom = validFrom;
            this.status = period.status();
            this.yearGroup = period.yearGroup();
            this.primaryNeed = period.primaryNeed();
            this.ehcpStatus = period.ehcpStatus();
            this.provisionId = period.provisionId();
            this.provisionType = period.provisionType();
            this.mainstreamPercent = period.mainstreamPercent();
            this.belowIntegrationBand = period.belowBand();
            this.outsideDesignatedNeed = period.outsideNeed();
            this.overCapacity = period.overCapacity();
            this.referredOn = period.referredOn();
            this.offeredOn = period.offeredOn();
            this.admittedOn = period.admittedOn();
        }

        @Override
        public String aggregate() {
            return placementId;
        }

        @Override
        public long seq() {
            return seq;
        }
    }

    @ResetHandler
    void reset() {
        cache.clear();
        jdbc.update("DELETE FROM rm_placement_milestone");
        jdbc.update("DELETE FROM rm_placement_period");
    }

    /**
     * The period event {@code seq} opens after {@code previous} (null before the referral). What the event does to
     * the placement is the shared fold's ({@link PlacementState#evolve}, which refuses an event it does not know);
     * the period adds what the fold does not keep: the integration band, whether the offer was over capacity, and
     * the dates of the offer and the admission.
     */
    static Latest evolve(Latest previous, long seq, PlacementEvent event) {
        Period p = previous == null ? null : previous.period();
        PlacementState before = previous == null ? PlacementState.NONE : previous.state();
        PlacementState next = before.evolve(event);
        boolean belowBand = p != null && p.belowBand();
        boolean overCapacity = p != null && p.overCapacity();
        LocalDate offeredOn = p == null ? null : p.offeredOn();
        LocalDate admittedOn = p == null ? null : p.admittedOn();
        if (event instanceof PlaceOffered e) {
            belowBand = false;
            overCapacity = e.overCapacityDecision() != null;
            offeredOn = e.offeredOn();
            admittedOn = null;
        } else if (event instanceof OfferDeclined || event instanceof OfferWithdrawn) {
            belowBand = false;
            overCapacity = false;
            offeredOn = null;
            admittedOn = null;
        } else if (event instanceof PupilAdmitted e) {
            belowBand = e.belowIntegrationBand();
            admittedOn = e.admittedOn();
        } else if (event instanceof TimeSplitChanged e) {
            belowBand = e.belowIntegrationBand();
        }
        return new Latest(seq, next, new Period(next.status().name(), next.yearGroup(), next.primaryNeed().name(),
                next.ehcpStatus().name(), next.provisionId() == null ? null : next.provisionId().value(),
                next.provisionType() == null ? null : next.provisionType().name(),
                PlacementState.splitInProvision(before, next), belowBand, next.outsideDesignatedNeed(), overCapacity,
                next.referredOn(), offeredOn, admittedOn));
    }

    private static String milestone(Period previous, PlacementEvent event) {
        if (event instanceof PlaceOffered) {
            return "OFFERED";
        }
        if (event instanceof OfferDeclined) {
            return "OFFER_DECLINED";
        }
        if (event instanceof OfferWithdrawn) {
            return "OFFER_WITHDRAWN";
        }
        if (event instanceof PupilAdmitted) {
            return "ADMITTED";
        }
        if (event instanceof TimeSplitChanged e) {
            return e.mainstreamPercent() > e.previousPercent() ? "SPLIT_INCREASE" : "SPLIT_DECREASE";
        }
        if (event instanceof MovedToMainstream) {
            return "MOVED_TO_MAINSTREAM";
        }
        if (event instanceof PlacementEnded) {
            return "ENDED";
        }
        if (event instanceof ReferralWithdrawn) {
            return "WITHDRAWN";
        }
        return null;
    }

    /**
     * The period event {@code seq - 1} opened, with the fold's state: from this batch, else the cache, else the
     * table (the state then rebuilt from the period, {@link Period#state}).
     */
    private Latest previous(InBatch inBatch, PlacementId placement, long seq) {
        String id = placement.value();
        if (inBatch != null && inBatch.latest.seq() == seq - 1) {
            return inBatch.latest;
        }
        Latest cached = cache.before(id, seq);
        if (cached != null) {
            return cached;
        }
        Period period = latest(id);
        return period == null ? null : new Latest(seq - 1, period.state(placement), period);
    }

    /** A placement's last period, the event that opened it, and the fold's state after that event. */
    record Latest(long seq, PlacementState state, Period period) {
    }

    /**
     * The periods one batch of events opened, in the order of their events (closed too, if a later event of the
     * batch closed them), the ends of periods earlier batches opened, and each placement the batch met.
     */
    private static final class Batch {
        final List<PeriodRow> periods = new ArrayList<>();
        final List<Close> closes = new ArrayList<>();
        final Map<String, InBatch> placements = new HashMap<>();

        /** Each placement's last period as this batch leaves it, for the cache once the batch has committed. */
        Map<String, Latest> latest() {
            Map<String, Latest> latest = new HashMap<>(placements.size() * 2);
            placements.forEach((id, inBatch) -> latest.put(id, inBatch.latest));
            return latest;
        }
    }

    /**
     * A placement as this batch has it: the fold after its last event in the batch, and the period that event opened
     * (found here, not by a key made of the placement and the sequence: a rebuild meets every event in one batch).
     */
    private static final class InBatch {
        Latest latest;
        PeriodRow row;

        InBatch(Latest latest, PeriodRow row) {
            this.latest = latest;
            this.row = row;
        }
    }

    private void write(Batch b) {
        writes.batchUpdate("""
                        UPDATE rm_placement_period SET valid_to = :validTo
                        WHERE placement_id = :placementId AND seq = :seq""",
                KeyOrder.byEvent(b.closes));
        writes.batchUpdate("""
                        INSERT INTO rm_placement_period (placement_id, seq, valid_from, valid_to, status,
                            year_group, primary_need, ehcp_status, provision_id, provision_type,
                            mainstream_percent, below_integration_band, outside_designated_need, over_capacity,
                            referred_on, offered_on, admitted_on)
                        VALUES (:placementId, :seq, :validFrom, :validTo, :status, :yearGroup, :primaryNeed,
                            :ehcpStatus, :provisionId, :provisionType, :mainstreamPercent, :belowIntegrationBand,
                            :outsideDesignatedNeed, :overCapacity, :referredOn, :offeredOn, :admittedOn)""",
                KeyOrder.byEvent(b.periods));
    }

    private boolean exists(String id, long seq) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement_period WHERE placement_id = ? AND seq = ?",
                Integer.class, id, seq);
        return n != null && n > 0;
    }

    private Period latest(String id) {
        List<Period> rows = jdbc.query("""
                        SELECT status, year_group, primary_need, ehcp_status, provision_id, provision_type,
                            mainstream_percent, below_integration_band AS below_band,
                            outside_designated_need AS outside_need, over_capacity, referred_on, offered_on,
                            admitted_on
                        FROM rm_placement_period WHERE placement_id = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""",
                RowsByName.of(Period.class), id);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
