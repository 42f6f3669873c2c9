package uk.placements.query.funding;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.PerBatch;
import uk.placements.shared.funding.event.TopUpAssigned;
import uk.placements.shared.placement.event.MovedToMainstream;
import uk.placements.shared.placement.event.OfferDeclined;
import uk.placements.shared.placement.event.OfferWithdrawn;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PlacementEnded;
import uk.placements.shared.placement.event.PupilAdmitted;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Read model "funding": each placement's place (offered, admitted, left) and its top-up assignments, for the list of
 * placements without funding. A placement's events and its funding's events are two streams (possibly handled by
 * two segments at once), so each writes its own table. Idempotent: a placement row keeps the sequence of its last
 * event and ignores one no newer; a top-up row is keyed by its event's sequence and written again, never twice.
 * Rows are gathered per batch of events and written just before the batch commits ({@link PerBatch}).
 */
@Component
@ProcessingGroup(FundingProjection.NAME)
public class FundingProjection {

    public static final String NAME = "funding";
    private final JdbcTemplate jdbc;
    private final PerBatch<Batch> batch = new PerBatch<>(Batch::new, this::write, written -> { });

    public FundingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final class Batch {
        final Map<String, Place> places = new TreeMap<>();
        final List<TopUp> topUps = new ArrayList<>();
    }

    private static final class Place {
        final String placementId;
        long version = -1;
        String provisionId;
        LocalDate offeredOn;
        LocalDate admittedOn;
        LocalDate leftOn;

        Place(String placementId) {
            this.placementId = placementId;
        }
    }

    private record TopUp(String placementId, long seq, String basis, String band, LocalDate effectiveFrom) {
    }

    @EventHandler
    void on(PlaceOffered e, @SequenceNumber long seq, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, p -> {
            p.provisionId = e.provisionId().value();
            p.offeredOn = e.offeredOn();
            p.admittedOn = null;
            p.leftOn = null;
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
    void on(PupilAdmitted e, @SequenceNumber long seq, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, p -> p.admittedOn = e.admittedOn());
    }

    @EventHandler
    void on(MovedToMainstream e, @SequenceNumber long seq, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, p -> p.leftOn = e.effectiveFrom());
    }

    @EventHandler
    void on(PlacementEnded e, @SequenceNumber long seq, ReplayStatus replay) {
        change(e.placementId().value(), seq, replay, p -> p.leftOn = e.effectiveFrom());
    }

    @EventHandler
    void on(TopUpAssigned e, @SequenceNumber long seq) {
        batch.current().topUps.add(new TopUp(e.placementId().value(), seq, e.basis().name(),
                e.band() == null ? null : e.band().value(), e.effectiveFrom()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM rm_funding_topup");
        jdbc.update("DELETE FROM rm_funding_placement");
    }

    private static void noPlace(Place p) {
        p.provisionId = null;
        p.offeredOn = null;
        p.admittedOn = null;
        p.leftOn = null;
    }

    private void change(String id, long seq, ReplayStatus replay, Consumer<Place> change) {
        Map<String, Place> places = batch.current().places;
        Place place = places.get(id);
        if (place == null) {
            // A replay meets each event once, and the table still holds the old read model: no look.
            place = replay.isReplay() ? null : read(id);
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
        return jdbc.query("SELECT provision_id, offered_on, admitted_on, left_on, version FROM rm_funding_placement "
                + "WHERE placement_id = ?", rs -> {
            if (!rs.next()) {
                return null;
            }
            Place place = new Place(id);
            place.provisionId = rs.getString(1);
            place.offeredOn = local(rs.getDate(2));
            place.admittedOn = local(rs.getDate(3));
            place.leftOn = local(rs.getDate(4));
            place.version = rs.getLong(5);
            return place;
        }, id);
    }

    private void write(Batch gathered) {
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Place p : gathered.places.values()) {
            keys.add(new Object[]{p.placementId});
            rows.add(new Object[]{p.placementId, p.provisionId, sql(p.offeredOn), sql(p.admittedOn), sql(p.leftOn),
                    p.version});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM rm_funding_placement WHERE placement_id = ?", keys);
            jdbc.batchUpdate("INSERT INTO rm_funding_placement (placement_id, provision_id, offered_on, admitted_on, "
                    + "left_on, version) VALUES (?, ?, ?, ?, ?, ?)", rows);
        }
        List<TopUp> topUps = new ArrayList<>(gathered.topUps);
        topUps.sort(Comparator.comparing(TopUp::placementId).thenComparingLong(TopUp::seq));
        if (!topUps.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM rm_funding_topup WHERE placement_id = ? AND seq = ?",
                    topUps.stream().map(t -> new Object[]{t.placementId(), t.seq()}).toList());
            jdbc.batchUpdate("INSERT INTO rm_funding_topup (placement_id, seq, basis, band, effective_from) "
                    + "VALUES (?, ?, ?, ?, ?)", topUps.stream().map(t -> new Object[]{t.placementId(), t.seq(),
                    t.basis(), t.band(), sql(t.effectiveFrom())}).toList());
        }
    }

    private static Date sql(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
