package uk.placements.app.demo;

import uk.placements.command.funding.domain.FundingDecisions;
import uk.placements.command.funding.domain.PlaceChangeDecisions;
import uk.placements.command.funding.domain.PlacementPeriod;
import uk.placements.command.funding.domain.ProvisionPlaces;
import uk.placements.command.funding.domain.TariffDecisions;
import uk.placements.command.placement.domain.PlacementDecisions;
import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.command.provision.domain.ProvisionDecisions;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.Rule;
import uk.placements.shared.common.Upn;
import uk.placements.shared.funding.FundingState;
import uk.placements.shared.funding.FundingStreams;
import uk.placements.shared.funding.PlaceChangeState;
import uk.placements.shared.funding.TariffState;
import uk.placements.shared.funding.command.AssignTopUp;
import uk.placements.shared.funding.command.RecordPlaceChange;
import uk.placements.shared.funding.command.SetBandValue;
import uk.placements.shared.funding.command.SetPlaceRate;
import uk.placements.shared.funding.event.TariffEvent;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.placement.SealedPupil;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.ChangeTimeSplit;
import uk.placements.shared.placement.command.DeclineOffer;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.MoveToMainstream;
import uk.placements.shared.placement.command.OfferPlace;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.placement.command.WithdrawOffer;
import uk.placements.shared.placement.command.WithdrawReferral;
import uk.placements.shared.placement.event.PlaceOffered;
import uk.placements.shared.placement.event.PupilReferred;
import uk.placements.shared.placement.event.PlacementEvent;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ReleaseCause;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordStaffing;
import uk.placements.command.provision.domain.ReleasePlace;
import uk.placements.command.provision.domain.ReservePlace;
import uk.placements.shared.provision.event.PlaceReserved;
import uk.placements.shared.provision.event.ProvisionCommissioned;
import uk.placements.shared.provision.event.ProvisionEvent;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.provision.ProvisionState;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The domain's answer to a command, without Spring or a database: the command goes through the aggregates' own
 * pure decision functions ({@link PlacementDecisions}, {@link ProvisionDecisions}, and for money {@link
 * TariffDecisions}, {@link FundingDecisions}, {@link PlaceChangeDecisions}) and folds ({@link PlacementState},
 * {@link ProvisionState}, {@link PlacementPeriod}, {@link ProvisionPlaces}, {@link TariffState}, {@link
 * FundingState}, {@link PlaceChangeState}), in order, the offer and its place reservation together as in the
 * aggregates' unit of work. The generator asks it what each command would meet, so it knows the rules only by their
 * answers: a refusal names the rule that said no, and the state of a placement or a provision is the fold's. The
 * one rule kept here rather than in an aggregate is R-ONE-OPEN, which the command side keeps in a table
 * ({@code open_placement}): one open placement per UPN.
 */
final class DomainRules {

    private final LocalDate today;
    private final Map<ProvisionId, ProvisionState> provisions = new HashMap<>();
    private final Map<PlacementId, PlacementState> placements = new HashMap<>();
    private final Map<PlacementId, Upn> pupils = new HashMap<>();
    /** What money looks up of placements and provisions, folded from the same events. */
    private final Map<PlacementId, PlacementPeriod> periods = new HashMap<>();
    private final Map<ProvisionId, ProvisionPlaces> places = new HashMap<>();
    private final Map<PlacementId, FundingState> funding = new HashMap<>();
    private final Map<String, PlaceChangeState> returns = new HashMap<>();
    private TariffState tariff = TariffState.NONE;
    private final Set<Upn> open = new HashSet<>();
    private int overCapacityReservations;

    DomainRules(LocalDate today) {
        this.today = today;
    }

    /**
     * Sends {@code command}: its events are folded in, or nothing changes and the {@link RuleViolation} naming the
     * refusing rule is thrown.
     *
     * @return whether the command recorded anything (a change to the same value records nothing)
     */
    boolean send(Object command) {
        if (command instanceof CommissionProvision c) {
            ProvisionCommissioned commissioned = ProvisionDecisions.commission(c);
            provisions.put(c.provisionId(), ProvisionState.NONE.evolve(commissioned));
            places.put(c.provisionId(), ProvisionPlaces.NONE.evolve(commissioned));
        } else if (command instanceof ChangeCommissionedPlaces c) {
            return ProvisionDecisions.changePlaces(provision(c.provisionId()), c)
                    .map(e -> evolve(c.provisionId(), e)).isPresent();
        } else if (command instanceof RecordStaffing c) {
            evolve(c.provisionId(), ProvisionDecisions.recordStaffing(provision(c.provisionId()), c));
        } else if (command instanceof CloseProvision c) {
            evolve(c.provisionId(), ProvisionDecisions.close(provision(c.provisionId()), c));
        } else if (command instanceof ReferPupil c) {
            RuleViolation.require(!open.contains(c.pupil().upn()), Rule.ONE_OPEN,
                    "the pupil already has an open placement");
            PupilReferred referred = PlacementDecisions.refer(c, new PupilId(c.placementId().value()),
                    new SealedPupil("u", "g", "f", "d"), null, today);
            placements.put(c.placementId(), PlacementState.NONE.evolve(referred));
            periods.put(c.placementId(), PlacementPeriod.NONE.evolve(referred));
            open.add(c.pupil().upn());
            pupils.put(c.placementId(), c.pupil().upn());
        } else if (command instanceof OfferPlace c) {
            PlaceOffered offered = PlacementDecisions.offer(placement(c.placementId()), c,
                    provision(c.provisionId()).profile());
            PlaceReserved reserved = ProvisionDecisions.reserve(provision(c.provisionId()),
                    new ReservePlace(c.provisionId(), c.placementId(), c.offeredOn(), c.overCapacityDecision()));
            evolve(c.provisionId(), reserved);
            if (reserved.overCapacityDecision() != null) {
                overCapacityReservations++;
            }
            evolve(c.placementId(), PlacementDecisions.recordCapacityDecision(offered,
                    reserved.overCapacityDecision() != null));
        } else if (command instanceof DeclineOffer c) {
            PlacementState before = placement(c.placementId());
            evolve(c.placementId(), PlacementDecisions.decline(before, c));
            release(before, c.placementId(), c.on(), ReleaseCause.OFFER_DECLINED);
        } else if (command instanceof WithdrawOffer c) {
            PlacementState before = placement(c.placementId());
            evolve(c.placementId(), PlacementDecisions.withdrawOffer(before, c));
            release(before, c.placementId(), c.on(), ReleaseCause.OFFER_WITHDRAWN);
        } else if (command instanceof AdmitPupil c) {
            evolve(c.placementId(), PlacementDecisions.admit(placement(c.placementId()), c));
        } else if (command instanceof ChangeTimeSplit c) {
            return PlacementDecisions.changeTimeSplit(placement(c.placementId()), c)
                    .map(e -> evolve(c.placementId(), e)).isPresent();
        } else if (command instanceof MoveToMainstream c) {
            PlacementState before = placement(c.placementId());
            evolve(c.placementId(), PlacementDecisions.moveToMainstream(before, c, c.note()));
            release(before, c.placementId(), c.effectiveFrom(), ReleaseCause.MOVED_TO_MAINSTREAM);
            open.remove(pupils.get(c.placementId()));
        } else if (command instanceof EndPlacement c) {
            PlacementState before = placement(c.placementId());
            evolve(c.placementId(), PlacementDecisions.end(before, c, c.note()));
            release(before, c.placementId(), c.effectiveFrom(), ReleaseCause.PLACEMENT_ENDED);
            open.remove(pupils.get(c.placementId()));
        } else if (command instanceof WithdrawReferral c) {
            evolve(c.placementId(), PlacementDecisions.withdrawReferral(placement(c.placementId()), c));
            open.remove(pupils.get(c.placementId()));
        } else if (command instanceof SetPlaceRate c) {
            return TariffDecisions.setPlaceRate(tariff, c).map(this::evolve).isPresent();
        } else if (command instanceof SetBandValue c) {
            return TariffDecisions.setBandValue(tariff, c).map(this::evolve).isPresent();
        } else if (command instanceof AssignTopUp c) {
            FundingState before = funding(c.placementId());
            return FundingDecisions.assign(before, c, period(c.placementId()), tariff)
                    .map(e -> {
                        funding.put(c.placementId(), before.evolve(e));
                        return e;
                    }).isPresent();
        } else if (command instanceof RecordPlaceChange c) {
            String id = FundingStreams.placeChangeOf(c.provisionId(), c.academicYear());
            PlaceChangeState before = returns.getOrDefault(id, PlaceChangeState.NONE);
            return PlaceChangeDecisions.record(before, c, places(c.provisionId()), today)
                    .map(e -> {
                        returns.put(id, before.evolve(e));
                        return e;
                    }).isPresent();
        } else {
            throw new IllegalArgumentException("not a command the demo sends: " + command.getClass());
        }
        return true;
    }

    Map<PlacementStatus, Integer> placementsByStatus() {
        Map<PlacementStatus, Integer> byStatus = new EnumMap<>(PlacementStatus.class);
        for (PlacementStatus status : PlacementStatus.values()) {
            byStatus.put(status, 0);
        }
        placements.values().forEach(p -> byStatus.merge(p.status(), 1, Integer::sum));
        return byStatus;
    }

    int overCapacityReservations() {
        return overCapacityReservations;
    }

    long provisionsClosed() {
        return provisions.values().stream().filter(p -> p.status() == ProvisionStatus.CLOSED).count();
    }

    private void release(PlacementState before, PlacementId placement, LocalDate on, ReleaseCause cause) {
        ProvisionId provision = before.provisionId();
        ProvisionDecisions.release(provision(provision), new ReleasePlace(provision, placement, on, cause))
                .ifPresent(e -> evolve(provision, e));
    }

    /** The provision as its fold has it now. */
    ProvisionState provision(ProvisionId id) {
        ProvisionState state = provisions.get(id);
        if (state == null) {
            throw new IllegalStateException("unknown provision " + id);
        }
        return state;
    }

    /** The placement's place (offered, admitted, left) as funding folds it. */
    PlacementPeriod period(PlacementId id) {
        PlacementPeriod period = periods.get(id);
        if (period == null) {
            throw new IllegalStateException("unknown placement " + id);
        }
        return period;
    }

    /** The provision's places by date as the place-change return folds them. */
    ProvisionPlaces places(ProvisionId id) {
        ProvisionPlaces known = places.get(id);
        if (known == null) {
            throw new IllegalStateException("unknown provision " + id);
        }
        return known;
    }

    TariffState tariff() {
        return tariff;
    }

    /** The placement's top-ups so far (none before its first). */
    FundingState funding(PlacementId id) {
        period(id);
        return funding.getOrDefault(id, FundingState.NONE);
    }

    /** How many place-change returns are recorded (one per provision and year). */
    int placeChangeReturns() {
        return returns.size();
    }

    /** How many placements have a top-up, and how many top-up changes there are. */
    int fundedPlacements() {
        return funding.size();
    }

    int topUpChanges() {
        return funding.values().stream().mapToInt(f -> (int) f.assignments().stream().filter(a -> a.change())
                .count()).sum();
    }

    /** The placement as its fold has it now. */
    PlacementState placement(PlacementId id) {
        PlacementState state = placements.get(id);
        if (state == null) {
            throw new IllegalStateException("unknown placement " + id);
        }
        return state;
    }

    private ProvisionState evolve(ProvisionId id, ProvisionEvent event) {
        ProvisionState next = provision(id).evolve(event);
        provisions.put(id, next);
        places.put(id, places(id).evolve(event));
        return next;
    }

    private PlacementState evolve(PlacementId id, PlacementEvent event) {
        PlacementState next = placement(id).evolve(event);
        placements.put(id, next);
        periods.put(id, period(id).evolve(event));
        return next;
    }

    private TariffState evolve(TariffEvent event) {
        tariff = tariff.evolve(event);
        return tariff;
    }
}
