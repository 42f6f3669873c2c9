package uk.placements.query.candidates;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.edge.web.NotFound;
import uk.placements.query.dashboard.CapacityReader;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.Rule;
import uk.placements.shared.dashboard.ProvisionCapacity;
import uk.placements.shared.placement.OfferRules;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ProvisionProfile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The provisions a referred placement could be offered, each with the rules an offer there would break, checked by
 * the same {@link OfferRules} the aggregates refuse offers with. The placement is folded from its events (never
 * behind a write); the provisions and their vacancies on the offer date come from the read models (the capacity
 * ledger, the one source of capacity), so R-CAPACITY is judged on the places free on that date.
 */
@Component
public class CandidatesReader {

    /** Rules an offer may still pass with what the law allows: a need-override reason, an over-capacity decision. */
    private static final Set<Rule> OVERRIDABLE = EnumSet.of(Rule.NEED, Rule.CAPACITY);

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final CapacityReader capacity;

    public CandidatesReader(EventStore events, JdbcTemplate jdbc, CapacityReader capacity) {
        this.events = events;
        this.jdbc = jdbc;
        this.capacity = capacity;
    }

    /** A provision as the provisions read model describes it, with its profile for the rules. */
    private record Provision(ProvisionProfile profile, String name, String phase, String urn, String school) {
    }

    /**
     * @throws NotFound for an unknown placement
     * @throws NotReferred for a placement that is not waiting for an offer
     */
    public CandidateViews.Candidates candidates(String id, LocalDate offeredOn) {
        PlacementState placement = placement(id);
        if (placement.status() != PlacementStatus.REFERRED) {
            throw new NotReferred(placement.status());
        }
        Map<String, ProvisionCapacity> open = capacity.asAt(offeredOn).stream()
                .collect(Collectors.toMap(ProvisionCapacity::provisionId, Function.identity()));
        List<CandidateViews.Candidate> candidates = new ArrayList<>();
        for (Provision p : provisions()) {
            List<OfferRules.Breach> breaches = new ArrayList<>(OfferRules.ofThePlacement(placement, p.profile(),
                    null));
            ProvisionCapacity figures = open.get(p.profile().id().value());
            ProvisionStatus status = figures == null ? ProvisionStatus.CLOSED : p.profile().status();
            OfferRules.provisionOpen(status).ifPresent(breaches::add);
            Integer vacancies = null;
            Integer commissioned = null;
            if (figures != null) {
                commissioned = figures.figures().commissioned();
                vacancies = figures.figures().vacancies();
                int taken = figures.figures().onRoll() + figures.figures().offersOutstanding() + 1;
                OfferRules.capacity(taken, commissioned, false).ifPresent(breaches::add);
            }
            List<CandidateViews.Blocker> blockers = breaches.stream()
                    .map(b -> new CandidateViews.Blocker(b.rule().code(), b.message())).toList();
            boolean overridable = !breaches.isEmpty()
                    && breaches.stream().allMatch(b -> OVERRIDABLE.contains(b.rule()));
            candidates.add(new CandidateViews.Candidate(p.profile().id().value(), p.name(),
                    p.profile().type().name(), p.phase(), p.urn(), p.school(), breaches.isEmpty(), overridable,
                    OfferRules.outsideNeed(placement, p.profile()), commissioned, vacancies, blockers));
        }
        candidates.sort(Comparator.comparing((CandidateViews.Candidate c) -> c.eligible() ? 0 : c.overridable() ? 1 : 2)
                .thenComparing(c -> c.blockers().size())
                .thenComparing(c -> c.vacancies() == null ? Integer.MAX_VALUE : -c.vacancies())
                .thenComparing(CandidateViews.Candidate::name));
        int eligible = (int) candidates.stream().filter(CandidateViews.Candidate::eligible).count();
        return new CandidateViews.Candidates(placement.id().value(), offeredOn, eligible, candidates);
    }

    private PlacementState placement(String id) {
        PlacementId placementId;
        try {
            placementId = new PlacementId(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFound("placement", id);
        }
        List<PlacementEvent> history = new ArrayList<>();
        DomainEventStream stream = events.readEvents(placementId.value());
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof PlacementEvent e) {
                history.add(e);
            }
        }
        if (history.isEmpty()) {
            throw new NotFound("placement", id);
        }
        return PlacementState.fold(history);
    }

    private List<Provision> provisions() {
        return jdbc.query("SELECT provision_id, name, type, phase, host_urn, host_name, lowest_year, highest_year, "
                + "designated_needs, status FROM rm_provision ORDER BY provision_id", (rs, n) -> {
            Set<NeedCode> needs = Arrays.stream(rs.getString("designated_needs").split(","))
                    .filter(s -> !s.isBlank()).map(String::strip).map(NeedCode::valueOf)
                    .collect(Collectors.toUnmodifiableSet());
            ProvisionProfile profile = new ProvisionProfile(new ProvisionId(rs.getString("provision_id")),
                    ProvisionType.valueOf(rs.getString("type")), ProvisionStatus.valueOf(rs.getString("status")),
                    rs.getInt("lowest_year"), rs.getInt("highest_year"), needs);
            return new Provision(profile, rs.getString("name"), rs.getString("phase"), rs.getString("host_urn"),
                    rs.getString("host_name"));
        });
    }

    /** The placement is not waiting for an offer: R-STATE, 409. */
    public static final class NotReferred extends RuntimeException {

        public NotReferred(PlacementStatus status) {
            super("only a referred placement is offered a place; this one is " + status, null, false, false);
        }
    }
}
