package uk.placements.query.funding;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.edge.web.NotFound;
import uk.placements.shared.common.CommandMetadata;
import uk.placements.shared.funding.FundingState;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.funding.TariffState;
import uk.placements.shared.funding.event.TariffEvent;
import uk.placements.shared.funding.event.TopUpAssigned;
import uk.placements.shared.placement.PlacementId;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The money reads. The tariff and a placement's funding are short streams read from the event store itself and
 * folded by the aggregates' own folds ({@link TariffState}, {@link FundingState}), so they are never behind a write;
 * who recorded each assignment, and when, come from the event's metadata and timestamp, as the audit trail reads
 * them. The list of placements without funding is a query of the "funding" read model.
 */
@Component
public class FundingReader {

    private final EventStore events;
    private final JdbcTemplate jdbc;

    public FundingReader(EventStore events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    public FundingViews.Tariff tariff() {
        TariffState tariff = TariffState.NONE;
        DomainEventStream stream = events.readEvents(FundingStreams.TARIFF);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof TariffEvent e) {
                tariff = tariff.evolve(e);
            }
        }
        List<FundingViews.TariffPlaceRate> placeRates = new ArrayList<>();
        tariff.placeRates().forEach((type, years) -> years.forEach((year, value) -> placeRates.add(
                new FundingViews.TariffPlaceRate(type.name(), year.toString(), year.firstDay(), year.lastDay(),
                        value))));
        placeRates.sort(Comparator.comparing(FundingViews.TariffPlaceRate::type)
                .thenComparing(FundingViews.TariffPlaceRate::academicYear));
        List<FundingViews.BandValue> bands = new ArrayList<>();
        tariff.bandValues().forEach((band, years) -> years.forEach((year, value) -> bands.add(
                new FundingViews.BandValue(band.value(), year.toString(), year.firstDay(), year.lastDay(), value))));
        bands.sort(Comparator.comparing(FundingViews.BandValue::band)
                .thenComparing(FundingViews.BandValue::financialYear));
        List<FundingViews.ProvisionRate> provisionRates = new ArrayList<>();
        tariff.provisionRates().forEach((provision, years) -> years.forEach((year, value) -> provisionRates.add(
                new FundingViews.ProvisionRate(provision.value(), year.toString(), year.firstDay(), year.lastDay(),
                        value))));
        provisionRates.sort(Comparator.comparing(FundingViews.ProvisionRate::provisionId)
                .thenComparing(FundingViews.ProvisionRate::financialYear));
        return new FundingViews.Tariff(tariff.version(), placeRates, bands, provisionRates);
    }

    /** @throws NotFound for a placement that does not exist */
    public FundingViews.Funding funding(String id, LocalDate asOf) {
        PlacementId placement = existing(id);
        FundingState state = FundingState.NONE;
        List<FundingViews.Assignment> history = new ArrayList<>();
        DomainEventStream stream = events.readEvents(FundingStreams.fundingOf(placement));
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof TopUpAssigned e) {
                state = state.evolve(e);
                history.add(topUp(event, e));
            }
        }
        FundingState folded = state;
        FundingViews.Assignment inForce = state.inForceOn(asOf).map(a -> history.get(positionOf(folded, a)))
                .orElse(null);
        return new FundingViews.Funding(placement.value(), state.version(), asOf, inForce, history);
    }

    /** @throws NotFound for a placement that does not exist (in the event store: never behind a write) */
    public PlacementId existing(String id) {
        PlacementId placement;
        try {
            placement = new PlacementId(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("placement", id);
        }
        if (events.lastSequenceNumberFor(placement.value()).isEmpty()) {
            throw new NotFound("placement", id);
        }
        return placement;
    }

    /** The assignments and the history are parallel lists, one entry per event. */
    private static int positionOf(FundingState state, TopUpAssigned assignment) {
        for (int i = 0; i < state.assignments().size(); i++) {
            if (state.assignments().get(i) == assignment) {
                return i;
            }
        }
        throw new IllegalStateException("an assignment in force is one of the placement's assignments");
    }

    private static FundingViews.Assignment topUp(DomainEventMessage<?> event, TopUpAssigned e) {
        LocalDate recordedOn = event.getTimestamp().atZone(ZoneOffset.UTC).toLocalDate();
        return new FundingViews.Assignment(event.getSequenceNumber(), e.basis().name(),
                e.band() == null ? null : e.band().value(), e.effectiveFrom(), e.annualValue(), e.change(),
                e.previousBasis() == null ? null : e.previousBasis().name(),
                e.previousBand() == null ? null : e.previousBand().value(), e.reason(), event.getTimestamp(),
                (String) event.getMetaData().get(CommandMetadata.USER_ID), e.effectiveFrom().isBefore(recordedOn));
    }

    /** Placements admitted and not left on {@code asOf} with no top-up in force that day, longest waiting first. */
    public FundingViews.UnfundedPage withoutFunding(LocalDate asOf, String provisionId, int page, int size) {
        String where = """
                FROM rm_funding_placement p
                WHERE p.admitted_on IS NOT NULL AND p.admitted_on <= ? AND (p.left_on IS NULL OR p.left_on > ?)
                  AND NOT EXISTS (SELECT 1 FROM rm_funding_topup t
                                  WHERE t.placement_id = p.placement_id AND t.effective_from <= ?)
                """ + (provisionId == null ? "" : " AND p.provision_id = ?");
        java.sql.Date day = java.sql.Date.valueOf(asOf);
        List<Object> args = new ArrayList<>(List.of(day, day, day));
        if (provisionId != null) {
            args.add(provisionId);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) " + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add((long) page * size);
        pageArgs.add(size);
        List<FundingViews.Unfunded> items = jdbc.query("SELECT p.placement_id, p.provision_id, p.admitted_on " + where
                        + " ORDER BY p.admitted_on, p.placement_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                (rs, n) -> {
                    LocalDate admitted = rs.getDate(3).toLocalDate();
                    return new FundingViews.Unfunded(rs.getString(1), rs.getString(2), admitted,
                            java.time.temporal.ChronoUnit.DAYS.between(admitted, asOf));
                }, pageArgs.toArray());
        return new FundingViews.UnfundedPage(asOf, items, page, size, total == null ? 0 : total);
    }
}
