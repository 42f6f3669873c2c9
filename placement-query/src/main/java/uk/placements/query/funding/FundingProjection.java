package uk.placements.query.funding;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.axonframework.eventhandling.Timestamp;
import uk.placements.query.PerBatch;
import uk.placements.query.RowWrites;
import uk.placements.shared.funding.event.BandValueSet;
import uk.placements.shared.funding.event.PlaceRateSet;
import uk.placements.shared.funding.event.ProvisionTopUpRateSet;
import uk.placements.shared.funding.event.TopUpAssigned;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PupilAdmitted;
import uk.placements.shared.placement.event.PupilReferred;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Read model "funding": each placement's place (offered, admitted, left, and when each was recorded), its top-up
 * assignments and every value of the tariff, for the list of placements without funding and for the funding ledger
 * ({@code FundingLedgerReader}), which is computed from these tables as known at any moment. A placement's events,
 * its funding's events and the tariff are separate streams (possibly handled by several segments at once), so each
 * writes its own table. Idempotent: a placement row keeps the sequence of its last event and ignores one no newer;
 * top-up and tariff rows are keyed by their event's sequence and written again, never twice. Rows are gathered per
 * batch of events and written just before the batch commits ({@link PerBatch}).
 */
@Component
@ProcessingGroup(FundingProjection.NAME)
public class FundingProjection {

    public static final String NAME = "funding";
    private final JdbcTemplate jdbc;
    /** Writes the rows each batch gathered, by name. */
    private final RowWrites writes;
    private final PerBatch<Batch> batch = new PerBatch<>(Batch::new, this::write, written -> { });

    public FundingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new RowWrites(jdbc);
    }

    private static final class Batch {
        final Map<String, Place> places = new TreeMap<>();
        final List<TopUp> topUps = new ArrayList<>();
        final List<TariffValue> tariff = new ArrayList<>();
    }

    private static final class Place {
        final String placementId;
        long version = -1;
        String provisionId;
        String primaryNeed;
        LocalDate offeredOn;
        LocalDate admittedOn;
        Instant admittedAt;
        LocalDate leftOn;
        Instant leftAt;

        Place(String placementId) {
            this.placementId = placementId;
        }
    }

    private record TopUp(String placementId, long seq, String basis, String band, LocalDate effectiveFrom,
                         Instant recordedAt) {
    }

    private record TariffValue(long seq, String kind, String item, int yearStart, BigDecimal amount,
                               Instant recordedAt) {
    }

    @EventHandler
    void on(PupilReferred e, @SequenceNumber long seq, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, p -> p.primaryNeed = e.primaryNeed().name());
    }

    @EventHandler
    void on(PlaceOffered e, @SequenceNumber long seq, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, p -> {
            noPlace(p);
            p.provisionId = e.provisionId().value();
            p.offeredOn = e.offeredOn();
        });
    }

    @EventHandler
    void on(OfferDeclined e, @SequenceNumber long seq, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, FundingProjection::noPlace);
    }

    @EventHandler
    void on(OfferWithdrawn e, @SequenceNumber long seq, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, FundingProjection::noPlace);
    }

    @EventHandler
    void on(PupilAdmitted e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, p -> {
            p.admittedOn = e.admittedOn();
            p.admittedAt = at;
        });
    }

    @EventHandler
    void on(MovedToMainstream e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, p -> left(p, e.effectiveFrom(), at));
    }

    @EventHandler
    void on(PlacementEnded e, @SequenceNumber long seq, @Timestamp Instant at, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, p -> left(p, e.effectiveFrom(), at));
    }

    @EventHandler
    void on(TopUpAssigned e, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.current().topUps.add(new TopUp(e.placementId().value(), seq, e.basis().name(),
                e.band() == null ? null : e.band().value(), e.effectiveFrom(), at));
    }

    @EventHandler
    void on(PlaceRateSet e, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.current().tariff.add(new TariffValue(seq, "PLACE", e.type().name(), e.academicYear().startYear(),
                e.perPlace(), at));
    }

    @EventHandler
    void on(BandValueSet e, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.current().tariff.add(new TariffValue(seq, "BAND", e.band().value(), e.financialYear().startYear(),
                e.annualValue(), at));
    }

    @EventHandler
    void on(ProvisionTopUpRateSet e, @SequenceNumber long seq, @Timestamp Instant at) {
        batch.current().tariff.add(new TariffValue(seq, "PROVISION", e.provisionId().value(),
                e.financialYear().startYear(), e.annualValue(), at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_funding_tariff");
        jdbc.update("DELETE FROM rm_funding_topup");
        jdbc.update("DELETE FROM rm_funding_placement");
    }

    private static void left(Place p, LocalDate on, Instant at) {
        p.leftOn = on;
        p.leftAt = at;
    }

    private static void noPlace(Place p) {
        p.provisionId = null;
        p.offeredOn = null;
        p.admittedOn = null;
        p.admittedAt = null;
        p.leftOn = null;
        p.leftAt = null;
    }

    private void change(String id, long seq, ReplayStatus replay, Consumer<Place> change) {
        Map<String, Place> places = batch.current().places;
        Place place = places.get(id);
        if (place == null) {
            // The referral (sequence 0) starts the row: nothing to look up. Any later event looks, in a replay too:
            // a replay by the event processor runs in many batches, and an earlier batch may have written the row.
            place = seq == 0 ? null : read(id);
            place = place == null ? new Place(id) : place;
            places.put(id, place);
        }
        if (seq <= place.version) {
            return; // handled before
        }
        change.accept(place);
        place.version = seq;
    }

    private Place read(String id) {
        return jdbc.query("SELECT provision_id, primary_need, offered_on, admitted_on, admitted_at, left_on, left_at, "
                + "version FROM rm_funding_placement WHERE placement_id = ?", rs -> {
            if (!rs.next()) {
                return null;
            }
            Place place = new Place(id);
            place.provisionId = rs.getString("provision_id");
            place.primaryNeed = rs.getString("primary_need");
            place.offeredOn = local(rs.getDate("offered_on"));
            place.admittedOn = local(rs.getDate("admitted_on"));
            place.admittedAt = instant(rs.getTimestamp("admitted_at"));
            place.leftOn = local(rs.getDate("left_on"));
            place.leftAt = instant(rs.getTimestamp("left_at"));
            place.version = rs.getLong("version");
            return place;
        }, id);
    }

    /** A row of {@code rm_funding_placement}, written by name. */
    private record PlaceRow(String placementId, String provisionId, String primaryNeed, Date offeredOn,
                            Date admittedOn, java.sql.Timestamp admittedAt, Date leftOn, java.sql.Timestamp leftAt,
                            long version) {
    }

    /** A row of {@code rm_funding_tariff}, written by name. */
    private record TariffRow(long seq, String kind, String item, int yearStart, BigDecimal amount,
                             java.sql.Timestamp recordedAt) {
    }

    /** A row of {@code rm_funding_topup}, written by name. */
    private record TopUpRow(String placementId, long seq, String basis, String band, Date effectiveFrom,
                            java.sql.Timestamp recordedAt) {
    }

    /**
     * Each row the batch gathered, replacing the one of its key (none in a rebuild's whole history, whose tables
     * are empty when it writes), in key order.
     */
    private void write(Batch gathered) {
        boolean replace = !PerBatch.wholeHistory();
        List<PlaceRow> places = gathered.places.values().stream().map(p -> new PlaceRow(p.placementId,
                p.provisionId, p.primaryNeed, sql(p.offeredOn), sql(p.admittedOn), sql(p.admittedAt),
                sql(p.leftOn), sql(p.leftAt), p.version)).toList();
        if (replace) {
            writes.batchUpdate("DELETE FROM rm_funding_placement WHERE placement_id = :placementId", places);
        }
        writes.batchUpdate("""
                INSERT INTO rm_funding_placement (placement_id, provision_id, primary_need, offered_on, admitted_on,
                    admitted_at, left_on, left_at, version)
                VALUES (:placementId, :provisionId, :primaryNeed, :offeredOn, :admittedOn, :admittedAt, :leftOn,
                    :leftAt, :version)""", places);
        List<TariffRow> tariff = gathered.tariff.stream().sorted(Comparator.comparingLong(TariffValue::seq))
                .map(t -> new TariffRow(t.seq(), t.kind(), t.item(), t.yearStart(), t.amount(), sql(t.recordedAt())))
                .toList();
        if (replace) {
            writes.batchUpdate("DELETE FROM rm_funding_tariff WHERE seq = :seq", tariff);
        }
        writes.batchUpdate("""
                INSERT INTO rm_funding_tariff (seq, kind, item, year_start, amount, recorded_at)
                VALUES (:seq, :kind, :item, :yearStart, :amount, :recordedAt)""", tariff);
        List<TopUpRow> topUps = gathered.topUps.stream()
                .sorted(Comparator.comparing(TopUp::placementId).thenComparingLong(TopUp::seq))
                .map(t -> new TopUpRow(t.placementId(), t.seq(), t.basis(), t.band(), sql(t.effectiveFrom()),
                        sql(t.recordedAt())))
                .toList();
        if (replace) {
            writes.batchUpdate("DELETE FROM rm_funding_topup WHERE placement_id = :placementId AND seq = :seq",
                    topUps);
        }
        writes.batchUpdate("""
                INSERT INTO rm_funding_topup (placement_id, seq, basis, band, effective_from, recorded_at)
                VALUES (:placementId, :seq, :basis, :band, :effectiveFrom, :recordedAt)""", topUps);
    }

    private static Date sql(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static java.sql.Timestamp sql(Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    private static Instant instant(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
