package uk.placements.app.demo;

import uk.placements.command.funding.domain.PlacementPeriod;
import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.shared.common.EhcpStatus;
import uk.placements.shared.common.EndReason;
import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.Phase;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.common.ProvisionStatus;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.common.Rule;
import uk.placements.shared.common.SchoolUrn;
import uk.placements.shared.common.Upn;
import uk.placements.shared.common.YearGroup;
import uk.placements.shared.funding.AcademicYear;
import uk.placements.shared.funding.BandCode;
import uk.placements.shared.funding.FinancialYear;
import uk.placements.shared.funding.PlaceChangeReason;
import uk.placements.shared.funding.command.AssignTopUp;
import uk.placements.shared.funding.command.RecordPlaceChange;
import uk.placements.shared.funding.command.SetBandValue;
import uk.placements.shared.funding.command.SetPlaceRate;
import uk.placements.shared.placement.OverCapacityDecision;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.PlacementState;
import uk.placements.shared.placement.PupilDetails;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.ChangeTimeSplit;
import uk.placements.shared.placement.command.DeclineOffer;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.MoveToMainstream;
import uk.placements.shared.placement.command.OfferPlace;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.placement.command.WithdrawOffer;
import uk.placements.shared.placement.command.WithdrawReferral;
import uk.placements.shared.provision.HostSchool;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ProvisionState;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordStaffing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static uk.placements.shared.common.NeedCode.ASD;
import static uk.placements.shared.common.NeedCode.HI;
import static uk.placements.shared.common.NeedCode.MLD;
import static uk.placements.shared.common.NeedCode.MSI;
import static uk.placements.shared.common.NeedCode.PD;
import static uk.placements.shared.common.NeedCode.PMLD;
import static uk.placements.shared.common.NeedCode.SEMH;
import static uk.placements.shared.common.NeedCode.SLCN;
import static uk.placements.shared.common.NeedCode.SLD;
import static uk.placements.shared.common.NeedCode.SPLD;
import static uk.placements.shared.common.NeedCode.VI;
import static uk.placements.shared.common.ProvisionType.RESOURCE_BASE;
import static uk.placements.shared.common.ProvisionType.SEN_UNIT;

/**
 * Generates a plausible local authority as the commands a provision admin and caseworkers would have sent over the
 * last two years (or a longer history asked for): provisions commissioned and staffed, then pupils referred, offered
 * places, admitted, their time split changed, and moved on to mainstream or ended, with the declines, withdrawals,
 * need overrides and audited over-capacity decisions real casework has.
 * <p>
 * Pure and deterministic: the same seed, size and "today" give the same commands. It replays the authority day by
 * day and sends each command to the domain's own decision functions and folds ({@link DomainRules}) as it goes:
 * it knows a placement's status, a provision's places taken and whether it is open only from their folds, and a
 * rule only from its answer (an offer to a full provision is refused with R-CAPACITY, and then made again under an
 * over-capacity decision if the EHC plan names the school). Only commands the domain accepted, and that recorded
 * something, go into the plan, so every one is accepted when sent in order. Referrals whose next step falls after
 * today simply stay where they are: that is the waiting list, the outstanding offers and the pupils on roll.
 * <p>
 * Then the money (docs/funding.md), from the casework's final folds and through the money aggregates' own decision
 * functions likewise: a tariff over the history, a top-up band for most admitted placements and place-change
 * returns for the next academic year ({@link AuthorityPlan#fundingCommands()}, sent after the casework).
 */
public final class AuthorityGenerator {

    /** How far back the generated history of referrals reaches, unless asked for another length. */
    static final int HISTORY_DAYS = 730;
    /** The shortest history {@link #generate(int, int, int)} takes: room for a provision's changes inside it. */
    static final int SHORTEST_HISTORY_DAYS = 365;
    /** A fictional three-digit LA number, the first part of every generated UPN. */
    private static final String LA_NUMBER = "899";
    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final String DECIDED_BY = "Head of SEND Services";

    private final long seed;
    private final LocalDate today;

    public AuthorityGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    /** An authority of {@code provisions} provisions (at least 2) and {@code placements} referrals over two years. */
    public AuthorityPlan generate(int provisions, int placements) {
        return generate(provisions, placements, HISTORY_DAYS);
    }

    /**
     * As {@link #generate(int, int)}, with the referrals spread over the last {@code historyDays} days (at least a
     * year) instead of two years: the same authority over a longer history has the same casework per day, so its
     * provisions are as full as over two years when the placements grow with the history.
     */
    public AuthorityPlan generate(int provisions, int placements, int historyDays) {
        if (provisions < 2 || placements < 0) {
            throw new IllegalArgumentException("an authority needs at least 2 provisions and no negative placements");
        }
        if (historyDays < SHORTEST_HISTORY_DAYS) {
            throw new IllegalArgumentException("a history of at least " + SHORTEST_HISTORY_DAYS + " days, not "
                    + historyDays);
        }
        return new Run(provisions, placements, historyDays).play();
    }

    /** One call of {@link #generate}: its own random stream and replayed world, so the generator stays reusable. */
    private final class Run {

        private final Random random = new Random(seed);
        private final List<Object> commands = new ArrayList<>();
        private final PriorityQueue<Step> steps =
                new PriorityQueue<>(Comparator.comparing(Step::on).thenComparingLong(Step::order));
        private final List<Prov> provisions = new ArrayList<>();
        private final List<List<Prov>> byYear = new ArrayList<>();
        private final List<Map<NeedCode, List<Prov>>> byYearAndNeed = new ArrayList<>();
        private final List<Pupil> pupils = new ArrayList<>();
        private final Set<String> upns = new HashSet<>();
        private final Map<PlacementId, Pupil> pupilsById = new HashMap<>();
        private final Map<ProvisionId, Prov> provisionsById = new HashMap<>();
        /** Where every command goes first: the domain's answer decides whether it joins the plan. */
        private final DomainRules rules = new DomainRules(today);
        private final int provisionCount;
        private final int placementCount;
        private final int historyDays;
        private long order;
        /** The day being replayed: every command emitted now carries it as its business date. */
        private LocalDate now;
        private int needOverrides;
        private int declined;
        private int offersWithdrawn;
        private int splitChanges;

        Run(int provisionCount, int placementCount, int historyDays) {
            this.provisionCount = provisionCount;
            this.placementCount = placementCount;
            this.historyDays = historyDays;
        }

        AuthorityPlan play() {
            LocalDate start = today.minusDays(historyDays);
            for (int i = 0; i < provisionCount; i++) {
                commission(i, start);
            }
            index();
            planProvisionChanges(start);
            for (int i = 0; i < placementCount; i++) {
                Pupil pupil = newPupil(i);
                pupils.add(pupil);
                pupilsById.put(pupil.id, pupil);
                at(pupil.referredOn, () -> refer(pupil));
            }
            while (!steps.isEmpty()) {
                steps.poll().action().run();
            }
            List<Object> casework = List.copyOf(commands);
            commands.clear();
            planFunding(start);
            return new AuthorityPlan(casework, provisions.size(), (int) rules.provisionsClosed(),
                    rules.placementsByStatus(), rules.overCapacityReservations(), needOverrides, declined,
                    offersWithdrawn, splitChanges, commands, rules.fundedPlacements(), rules.topUpChanges(),
                    rules.placeChangeReturns());
        }

        /**
         * Sends a command the story needs and adds it to the plan if it recorded something. A refusal propagates:
         * the story only sends what its own reading of the folds says is possible, so a refusal is a generator bug.
         */
        private boolean send(Object command) {
            boolean recorded = rules.send(command);
            if (recorded) {
                commands.add(command);
            }
            return recorded;
        }

        /** Sends a command whose refusal the story expects and acts on: the refusing rule, or null if accepted. */
        private Rule refusal(Object command) {
            try {
                send(command);
                return null;
            } catch (RuleViolation refused) {
                return refused.rule();
            }
        }

        private PlacementState placement(Pupil p) {
            return rules.placement(p.id);
        }

        private PlacementStatus status(Pupil p) {
            return placement(p).status();
        }

        /** The provision the pupil holds a place at (offered or admitted). */
        private Prov at(Pupil p) {
            return provisionsById.get(placement(p).provisionId());
        }

        /** Places free: commissioned places less places taken, as the provision's fold has them. */
        private int room(Prov v) {
            ProvisionState state = rules.provision(v.id);
            return state.commissionedPlaces() - state.placesTaken();
        }

        // ---- provisions ----

        private void commission(int index, LocalDate historyStart) {
            Archetype a = Archetype.ALL.get(index % Archetype.ALL.size());
            String place = DemoNames.PLACES.get(index % DemoNames.PLACES.size())
                    + (index < DemoNames.PLACES.size() ? "" : " " + (index / DemoNames.PLACES.size() + 1));
            int places = a.type() == RESOURCE_BASE ? between(8, 16) : between(6, 12);
            Prov p = new Prov(new ProvisionId(String.format("%s-%04d", a.type() == RESOURCE_BASE ? "RB" : "SU",
                    index + 1)), a);
            provisions.add(p);
            provisionsById.put(p.id, p);
            LocalDate openedOn = historyStart.minusDays(between(30, 8 * 365));
            send(new CommissionProvision(p.id, provisionName(a, place), a.type(),
                    new HostSchool(new SchoolUrn(String.valueOf(between(100000, 149999))), hostSchoolName(a.phase(),
                            place)), a.phase(), a.lowestYear(), a.highestYear(), a.needs(), places, openedOn));
            send(staffing(p, openedOn));
        }

        /** Provisions by the year groups they take, and by year group and designated need: offers look here. */
        private void index() {
            for (int year = YearGroup.RECEPTION; year <= YearGroup.HIGHEST; year++) {
                byYear.add(new ArrayList<>());
                Map<NeedCode, List<Prov>> byNeed = new EnumMap<>(NeedCode.class);
                for (NeedCode need : NeedCode.values()) {
                    byNeed.put(need, new ArrayList<>());
                }
                byYearAndNeed.add(byNeed);
            }
            for (Prov v : provisions) {
                for (int year = v.archetype.lowestYear(); year <= v.archetype.highestYear(); year++) {
                    byYear.get(year).add(v);
                    for (NeedCode need : v.archetype.needs()) {
                        byYearAndNeed.get(year).get(need).add(v);
                    }
                }
            }
        }

        private String provisionName(Archetype a, String place) {
            String needs = String.join(" and ", a.needs().stream().map(Enum::name).toList());
            String kind = a.type() == RESOURCE_BASE ? "Resource Base" : "SEN Unit";
            if (chance(0.3)) {
                return "The " + pick(DemoNames.CENTRES) + " Centre, " + place + " (" + needs + " " + kind + ")";
            }
            return place + " " + needs + " " + kind;
        }

        private String hostSchoolName(Phase phase, String place) {
            return switch (phase) {
                case PRIMARY -> chance(0.25) ? "St " + pick(DemoNames.SAINTS) + "'s CofE Primary School"
                        : place + (chance(0.8) ? " Primary School" : " Primary Academy");
                case SECONDARY -> place + (chance(0.5) ? " Academy" : chance(0.5) ? " High School" : " School");
                case ALL_THROUGH -> place + " All-Through School";
            };
        }

        private RecordStaffing staffing(Prov p, LocalDate from) {
            int places = rules.provision(p.id).commissionedPlaces();
            int adults = Math.max(2, places / (p.archetype.type() == SEN_UNIT ? 2 : 3) + between(0, 2));
            int teachers = p.archetype.type() == SEN_UNIT ? between(1, 2) : between(0, 2);
            BigDecimal therapy = BigDecimal.valueOf(between(2, 25) * 5L, 1);
            return new RecordStaffing(p.id, adults, teachers, therapy, from);
        }

        /** Places changes, later staffing records and one closure, each on a date inside the history. */
        private void planProvisionChanges(LocalDate historyStart) {
            Prov closing = provisions.get(provisionCount - 1);
            closing.closesOn = today.minusDays(between(30, 75));
            int placeChanges = Math.max(2, provisionCount / 12);
            for (int i = 0; i < placeChanges; i++) {
                Prov p = provisions.get((i * 7 + 3) % (provisionCount - 1));
                boolean grow = i % 2 == 0;
                LocalDate on = historyStart.plusDays(between(120, historyDays - 60));
                at(on, () -> changePlaces(p, grow, on));
            }
            for (Prov p : provisions) {
                if (p != closing && chance(0.35)) {
                    LocalDate on = historyStart.plusDays(between(180, historyDays - 10));
                    at(on, () -> send(staffing(p, on)));
                }
            }
            at(closing.closesOn, () -> close(closing));
        }

        private void changePlaces(Prov p, boolean grow, LocalDate on) {
            int places = rules.provision(p.id).commissionedPlaces();
            int to = grow ? places + between(2, 4) : Math.max(1, places - 2);
            String reason = grow ? pick(List.of("Sufficiency review: waiting list for this need",
                    "Expanded into a second classroom funded by the high-needs capital grant"))
                    : pick(List.of("Teaching assistant post unfunded from April",
                    "Classroom reallocated by the school; places reduced by agreement"));
            send(new ChangeCommissionedPlaces(p.id, to, on, reason));
        }

        /** R-CLOSE: the authority first moves every pupil on and withdraws every offer, then closes. */
        private void close(Prov p) {
            LocalDate on = p.closesOn;
            List<PlacementId> holders = rules.provision(p.id).placesHeld().stream()
                    .sorted(Comparator.comparing(PlacementId::value)).toList();
            for (PlacementId held : holders) {
                Pupil pupil = pupilsById.get(held);
                pupil.generation++;
                if (status(pupil) == PlacementStatus.OFFERED) {
                    send(new WithdrawOffer(pupil.id, on, "Provision closing: offer withdrawn"));
                    offersWithdrawn++;
                    pupil.refused.add(p);
                    later(pupil, on.plusDays(between(7, 21)), () -> attemptOffer(pupil));
                } else {
                    send(new EndPlacement(pupil.id, on, EndReason.OTHER_PROVISION, null));
                }
            }
            send(new CloseProvision(p.id, on, "Decommissioned after the sufficiency review"));
        }

        // ---- pupils ----

        private Pupil newPupil(int index) {
            NeedCode need = weighted(NEEDS, NEED_WEIGHTS);
            int year = weighted(YEARS, YEAR_WEIGHTS);
            Pupil p = new Pupil(new PlacementId(UUID.nameUUIDFromBytes(
                    ("demo-placement-" + seed + "-" + index).getBytes(StandardCharsets.UTF_8)).toString()),
                    year, need, today.minusDays(between(0, historyDays)));
            p.ehcp = chance(0.06) ? EhcpStatus.NONE : chance(0.22) ? EhcpStatus.ASSESSMENT : EhcpStatus.EHCP;
            p.requested = requestedType(need);
            p.declineFirst = chance(0.07);
            p.offerWithdrawnFirst = !p.declineFirst && chance(0.04);
            p.namedSchool = chance(0.15);
            p.overrideAllowed = chance(RARE_NEEDS.contains(need) ? 0.5 : 0.03);
            p.withdrawsEarly = chance(0.06);
            return p;
        }

        private ProvisionType requestedType(NeedCode need) {
            double r = random.nextDouble();
            return switch (need) {
                case SEMH, SLD, PMLD -> r < 0.6 ? SEN_UNIT : null;
                case HI, VI, SPLD -> r < 0.6 ? RESOURCE_BASE : null;
                case ASD, SLCN -> r < 0.35 ? RESOURCE_BASE : r < 0.55 ? SEN_UNIT : null;
                default -> r < 0.25 ? RESOURCE_BASE : r < 0.5 ? SEN_UNIT : null;
            };
        }

        private PupilDetails details(Pupil p) {
            // Born in the academic year (1 September to 31 August) that puts the pupil in their year group now.
            int academicYearStart = p.referredOn.getMonthValue() >= 9 ? p.referredOn.getYear()
                    : p.referredOn.getYear() - 1;
            LocalDate earliest = LocalDate.of(academicYearStart - p.year - 5, 9, 1);
            LocalDate born = earliest.plusDays(between(0, 364));
            return new PupilDetails(new Upn(newUpn(born)), pick(DemoNames.GIVEN), pick(DemoNames.FAMILY), born);
        }

        /** LA number, a school's establishment number, the year of allocation and a serial, then the check letter. */
        private String newUpn(LocalDate born) {
            String candidate;
            do {
                String digits = LA_NUMBER + (chance(0.7) ? "2" : "4") + String.format("%03d", between(0, 999))
                        + String.format("%02d", (born.getYear() + 4) % 100) + String.format("%03d", between(0, 999));
                candidate = checkLetter(digits) + digits;
            } while (!upns.add(candidate));
            return candidate;
        }

        private void refer(Pupil p) {
            Set<NeedCode> secondary = EnumSet.noneOf(NeedCode.class);
            if (chance(0.4)) {
                secondary.add(weighted(NEEDS, NEED_WEIGHTS));
                secondary.remove(p.need);
            }
            send(new ReferPupil(p.id, details(p), p.year, p.need, secondary, p.ehcp, p.requested,
                    new SchoolUrn(String.valueOf(between(100000, 149999))), p.referredOn,
                    chance(0.2) ? "Annual review recommends specialist provision" : null));
            if (p.ehcp == EhcpStatus.NONE) {
                if (chance(0.7)) {
                    later(p, p.referredOn.plusDays(between(20, 120)), () -> withdrawReferral(p,
                            "No EHC needs assessment requested: needs met through SEN support"));
                }
            } else if (p.withdrawsEarly) {
                later(p, p.referredOn.plusDays(between(14, 200)), () -> withdrawReferral(p, pick(List.of(
                        "Family accepted a place at a special school", "Family moved out of the area",
                        "Needs now met in mainstream with SEN support"))));
            } else {
                later(p, p.referredOn.plusDays(between(21, 90)), () -> attemptOffer(p));
            }
        }

        private void withdrawReferral(Pupil p, String reason) {
            if (status(p) != PlacementStatus.REFERRED) {
                return;
            }
            send(new WithdrawReferral(p.id, current(), reason));
        }

        private void attemptOffer(Pupil p) {
            if (status(p) != PlacementStatus.REFERRED) {
                return;
            }
            List<Prov> forNeed = new ArrayList<>();
            for (Prov v : byYearAndNeed.get(p.year).get(p.need)) {
                if (canOffer(p, v)) {
                    forNeed.add(v);
                }
            }
            Prov best = mostRoom(forNeed);
            if (best != null) {
                offer(p, best, null, null);
                return;
            }
            if (p.namedSchool && !forNeed.isEmpty()) {
                Prov named = pick(forNeed);
                // every one is full: R-CAPACITY refuses the plain offer, and the head of service decides
                Rule refused = refusal(new OfferPlace(p.id, named.id, current(), null, null));
                if (refused == null) {
                    offered(p, named);
                } else if (refused == Rule.CAPACITY) {
                    offer(p, named, null, new OverCapacityDecision(
                            "The EHC plan names this school, which must admit the child (Children and Families Act "
                                    + "2014 s.43)", DECIDED_BY));
                } else {
                    next(p);
                }
                return;
            }
            Prov other = p.overrideAllowed
                    ? mostRoom(byYear.get(p.year).stream().filter(v -> canOffer(p, v)).toList()) : null;
            if (other != null) {
                offer(p, other, pick(List.of(
                        "No provision designated for this need has a place; the SENCO and educational "
                                + "psychologist agree this one can meet the plan's outcomes",
                        "Closest provision with a place; specialist outreach agreed for the primary need")), null);
            } else if (ChronoUnit.DAYS.between(p.referredOn, current()) > 300 && chance(0.3)) {
                withdrawReferral(p, "Family accepted a place at a special school");
            } else {
                later(p, current().plusDays(between(21, 45)), () -> attemptOffer(p));
            }
        }

        /**
         * Where a caseworker would look: an open provision (as its fold says) not about to close, of the type the
         * referral asked for, and not one the pupil turned down; the index used gives the year range.
         */
        private boolean canOffer(Pupil p, Prov v) {
            return rules.provision(v.id).status() == ProvisionStatus.OPEN && v.acceptsOffers(current())
                    && (p.requested == null || p.requested == v.archetype.type()) && !p.refused.contains(v);
        }

        /** The candidate with most places free (one of them at random), or null if every one is full. */
        private Prov mostRoom(List<Prov> candidates) {
            List<Prov> best = new ArrayList<>();
            int most = 0;
            for (Prov v : candidates) {
                int room = room(v);
                if (room > most) {
                    most = room;
                    best.clear();
                }
                if (room > 0 && room == most) {
                    best.add(v);
                }
            }
            return best.isEmpty() ? null : pick(best);
        }

        private void offer(Pupil p, Prov v, String needOverride, OverCapacityDecision decision) {
            send(new OfferPlace(p.id, v.id, current(), needOverride, decision));
            offered(p, v);
        }

        /** The story after an offer at {@code v}: declined, withdrawn or, mostly, an admission. */
        private void offered(Pupil p, Prov v) {
            LocalDate on = current();
            if (placement(p).outsideDesignatedNeed()) {
                needOverrides++;
            }
            if (p.declineFirst) {
                p.declineFirst = false;
                later(p, on.plusDays(between(5, 25)), () -> {
                    send(new DeclineOffer(p.id, current(), pick(List.of(
                            "Family prefers a provision nearer home", "Family visited and felt it was not the right fit",
                            "Family awaiting the outcome of an appeal for another school"))));
                    declined++;
                    refused(p, v);
                });
            } else if (p.offerWithdrawnFirst) {
                p.offerWithdrawnFirst = false;
                later(p, on.plusDays(between(5, 25)), () -> {
                    send(new WithdrawOffer(p.id, current(), pick(List.of(
                            "Transport could not be arranged from the home address",
                            "Transition meeting found the provision cannot meet the medical needs in the plan"))));
                    offersWithdrawn++;
                    refused(p, v);
                });
            } else {
                later(p, on.plusDays(between(10, 60)), () -> admit(p));
            }
        }

        /** The offer at {@code v} declined or withdrawn: look elsewhere in a few weeks. */
        private void refused(Pupil p, Prov v) {
            p.refused.add(v);
            next(p);
        }

        private void next(Pupil p) {
            later(p, current().plusDays(between(14, 45)), () -> attemptOffer(p));
        }

        private void admit(Pupil p) {
            boolean unit = at(p).archetype.type() == SEN_UNIT;
            Integer split = null;
            String reason = null;
            double r = random.nextDouble();
            if (r < 0.3) {
                split = unit ? pick(List.of(0, 10, 25, 30, 40)) : pick(List.of(50, 55, 60, 70, 80));
            } else if (r < 0.4 && !unit) {
                split = pick(List.of(30, 40, 45));
                reason = "Phased start: time in class builds up as anxiety reduces";
            }
            send(new AdmitPupil(p.id, current(), split, reason));
            later(p, current().plusDays(between(45, 180)), () -> changeSplit(p));
            double fate = random.nextDouble();
            LocalDate leaves = current().plusDays(between(120, 540));
            if (fate < (unit ? 0.08 : 0.3)) {
                later(p, leaves, () -> moveToMainstream(p));
            } else if (fate < (unit ? 0.38 : 0.55)) {
                later(p, leaves, () -> end(p));
            } else if (historyDays > HISTORY_DAYS) {
                later(p, phaseEnds(p), () -> endOfPhase(p));
            }
        }

        /**
         * The summer the pupil finishes the provision's last year group (year groups move up each September), when a
         * pupil who stays leaves for the next phase. Only over a history longer than two years: there, without it,
         * the places of the pupils who stay would never come free and the authority would fill up for good; the
         * two-year authority (the demo, and every test and forecast back-test built on it) stays as it was.
         */
        private LocalDate phaseEnds(Pupil p) {
            int thisYear = AcademicYear.of(current()).startYear();
            int yearGroupNow = p.year + thisYear - AcademicYear.of(p.referredOn).startYear();
            int lastYear = thisYear + Math.max(0, at(p).archetype.highestYear() - yearGroupNow);
            LocalDate summer = LocalDate.of(lastYear + 1, 7, 20);
            return summer.isAfter(current()) ? summer : summer.plusYears(1);
        }

        private void endOfPhase(Pupil p) {
            if (status(p) == PlacementStatus.ADMITTED) {
                send(new EndPlacement(p.id, current(), EndReason.PHASE_TRANSFER, null));
            }
        }

        /** Integration first: more increases than reductions, and every reduction gives its reason. */
        private void changeSplit(Pupil p) {
            PlacementState now = placement(p);
            if (now.status() != PlacementStatus.ADMITTED) {
                return;
            }
            boolean unit = now.provisionType() == SEN_UNIT;
            int split = now.mainstreamPercent();
            boolean up = chance(0.7);
            int step = pick(List.of(5, 10, 15));
            int to = up ? Math.min(unit ? 45 : 95, split + step) : Math.max(unit ? 0 : 10, split - step);
            if (to != split) {
                String reason = !up ? pick(List.of("Increased anxiety in larger classes after the move to a new key stage",
                        "Targeted literacy intervention this term", "Medical advice: shorter days in class"))
                        : to < 50 && !unit ? "Gradual increase: still below the integration band" : null;
                if (send(new ChangeTimeSplit(p.id, to, current(), reason))) {
                    splitChanges++;
                }
            }
            if (chance(0.55)) {
                later(p, current().plusDays(between(60, 200)), () -> changeSplit(p));
            }
        }

        private void moveToMainstream(Pupil p) {
            if (status(p) != PlacementStatus.ADMITTED) {
                return;
            }
            send(new MoveToMainstream(p.id, current(),
                    chance(0.3) ? "Full time in class with SEN support and an outreach review each term" : null));
        }

        private void end(Pupil p) {
            if (status(p) != PlacementStatus.ADMITTED) {
                return;
            }
            EndReason reason = weighted(END_REASONS, END_WEIGHTS);
            send(new EndPlacement(p.id, current(), reason,
                    reason == EndReason.OTHER ? pick(List.of("Family elected to home educate",
                            "Pupil on a medical placement at a hospital school")) : null));
        }

        // ---- money: after the casework, from its folds (so the casework is the same with or without it) ----

        /**
         * The tariff over the whole history (place rates per academic year up to the next one, bands per financial
         * year up to this one), a band for most admitted placements from their admission (about 5% are left without,
         * so "placements without funding" has content) with a few changes, and place-change returns for the next
         * academic year from about a quarter of the open provisions. Sent after the casework, so the placements are
         * there; the rules see each placement's final period, as the live aggregates would.
         */
        private void planFunding(LocalDate historyStart) {
            AcademicYear nextYear = new AcademicYear(AcademicYear.of(today).startYear() + 1);
            for (ProvisionType type : List.of(RESOURCE_BASE, SEN_UNIT)) {
                for (int y = AcademicYear.of(historyStart).startYear(); y <= nextYear.startYear(); y++) {
                    send(new SetPlaceRate(type, new AcademicYear(y), PLACE_RATE, null));
                }
            }
            int firstFinancialYear = FinancialYear.of(historyStart).startYear();
            for (int b = 0; b < BANDS.size(); b++) {
                for (int y = firstFinancialYear; y <= FinancialYear.of(today).startYear(); y++) {
                    // a little more each year, to the nearest ten pounds
                    BigDecimal value = BAND_VALUES.get(b).multiply(BigDecimal.valueOf(Math.pow(1.025,
                            y - firstFinancialYear))).divide(BigDecimal.TEN, 0, RoundingMode.HALF_UP)
                            .multiply(BigDecimal.TEN);
                    send(new SetBandValue(BANDS.get(b), new FinancialYear(y), value, null));
                }
            }
            for (Pupil p : pupils) {
                PlacementPeriod period = rules.period(p.id);
                LocalDate admitted = period.admittedOn();
                if (admitted == null || (period.leftOn() != null && !admitted.isBefore(period.leftOn()))
                        || chance(0.05)) {
                    continue;
                }
                int band = p.need == PMLD || p.need == SLD || p.need == MSI ? 2 : weighted(List.of(0, 1, 2),
                        p.need == SEMH || p.need == ASD ? new int[]{3, 5, 2} : new int[]{6, 3, 1});
                send(new AssignTopUp(p.id, null, BANDS.get(band), admitted, null));
                LocalDate changeOn = admitted.plusDays(between(60, 300));
                if (chance(0.06) && !changeOn.isAfter(today)
                        && (period.leftOn() == null || changeOn.isBefore(period.leftOn()))) {
                    boolean up = band < 2 && (band == 0 || chance(0.6));
                    send(new AssignTopUp(p.id, null, BANDS.get(up ? band + 1 : band - 1), changeOn, up
                            ? pick(List.of("Annual review: needs increased, more adult support in class",
                                    "New diagnosis: speech and language therapy added to the plan"))
                            : pick(List.of("Annual review: needs now met with less adult support",
                                    "Moderation panel: band reviewed against the banding descriptors"))));
                }
            }
            for (Prov v : provisions) {
                if (rules.provision(v.id).status() == ProvisionStatus.OPEN && chance(0.25)) {
                    placeChangeReturn(v, nextYear);
                }
            }
        }

        /** A provision's return for next year: no change, or more or fewer places with the reason for change. */
        private void placeChangeReturn(Prov v, AcademicYear year) {
            int current = rules.places(v.id).placesOn(AcademicYear.of(today).firstDay());
            double r = random.nextDouble();
            if (r < 0.4 || current < 4) {
                send(new RecordPlaceChange(v.id, year, null, true, null, null, null));
            } else if (r < 0.8) {
                send(new RecordPlaceChange(v.id, year, current + between(2, 4), false,
                        pick(List.of(PlaceChangeReason.INCREASED_DEMAND, PlaceChangeReason.EXPANSION)),
                        chance(0.5) ? "Waiting list for this need in the sufficiency review" : null, null));
            } else {
                send(new RecordPlaceChange(v.id, year, current - 2, false,
                        pick(List.of(PlaceChangeReason.DECREASED_DEMAND, PlaceChangeReason.REALIGNMENT)),
                        chance(0.5) ? "Places unfilled for two terms" : null, null));
            }
        }

        // ---- the day-by-day replay ----

        private LocalDate current() {
            return now;
        }

        /** Schedules an action for a day; a day after today never comes, so its action is never taken. */
        private void at(LocalDate on, Runnable action) {
            if (!on.isAfter(today)) {
                steps.add(new Step(on, order++, () -> {
                    now = on;
                    action.run();
                }));
            }
        }

        /** Schedules a step of a placement's story, dropped if the story was changed meanwhile (a closure). */
        private void later(Pupil p, LocalDate on, Runnable action) {
            int generation = p.generation;
            at(on, () -> {
                if (p.generation == generation) {
                    action.run();
                }
            });
        }

        // ---- seeded choices ----

        private int between(int low, int high) {
            return low + random.nextInt(high - low + 1);
        }

        private boolean chance(double p) {
            return random.nextDouble() < p;
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        private <T> T weighted(List<T> items, int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < items.size(); i++) {
                r -= weights[i];
                if (r < 0) {
                    return items.get(i);
                }
            }
            throw new IllegalStateException("unreachable");
        }
    }

    /** The check letter of {@link Upn#isValid}: characters 2 to 13 weighted 2 to 13, modulo 23. */
    static char checkLetter(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < twelveDigits.length(); i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i + 2);
        }
        return CHECK_LETTERS.charAt(sum % 23);
    }

    private record Step(LocalDate on, long order, Runnable action) {
    }

    /** A kind of provision an authority commissions: type, phase, year range and designated needs. */
    private record Archetype(ProvisionType type, Phase phase, int lowestYear, int highestYear, Set<NeedCode> needs) {

        static Archetype of(ProvisionType type, Phase phase, int low, int high, NeedCode... needs) {
            return new Archetype(type, phase, low, high, new LinkedHashSet<>(List.of(needs)));
        }

        /** Ordered so that any authority of 30 or more covers every type, phase and the common needs. */
        static final List<Archetype> ALL = List.of(
                of(RESOURCE_BASE, Phase.PRIMARY, 0, 6, ASD, SLCN),
                of(SEN_UNIT, Phase.PRIMARY, 1, 6, SEMH),
                of(RESOURCE_BASE, Phase.SECONDARY, 7, 11, ASD, SLCN),
                of(SEN_UNIT, Phase.SECONDARY, 7, 11, SEMH),
                of(RESOURCE_BASE, Phase.PRIMARY, 0, 6, HI),
                of(SEN_UNIT, Phase.PRIMARY, 0, 6, MLD, SLD),
                of(RESOURCE_BASE, Phase.ALL_THROUGH, 0, 13, ASD, SLCN),
                of(SEN_UNIT, Phase.SECONDARY, 7, 13, MLD, SLD),
                of(RESOURCE_BASE, Phase.PRIMARY, 0, 6, SLCN),
                of(SEN_UNIT, Phase.PRIMARY, 0, 6, ASD),
                of(RESOURCE_BASE, Phase.SECONDARY, 7, 13, HI, VI),
                of(SEN_UNIT, Phase.ALL_THROUGH, 0, 13, SLD, PMLD, PD),
                of(RESOURCE_BASE, Phase.PRIMARY, 3, 6, SPLD, MLD),
                of(SEN_UNIT, Phase.SECONDARY, 7, 11, ASD),
                of(RESOURCE_BASE, Phase.PRIMARY, 0, 6, PD),
                of(SEN_UNIT, Phase.PRIMARY, 0, 6, ASD, SLCN),
                of(RESOURCE_BASE, Phase.SECONDARY, 7, 11, SPLD, MLD),
                of(SEN_UNIT, Phase.SECONDARY, 7, 11, SEMH, ASD),
                of(RESOURCE_BASE, Phase.PRIMARY, 0, 6, VI),
                of(SEN_UNIT, Phase.ALL_THROUGH, 0, 13, ASD),
                of(RESOURCE_BASE, Phase.SECONDARY, 7, 11, PD),
                of(SEN_UNIT, Phase.PRIMARY, 0, 6, SLD, PMLD),
                of(RESOURCE_BASE, Phase.PRIMARY, 0, 6, ASD),
                of(SEN_UNIT, Phase.PRIMARY, 1, 6, SEMH),
                of(RESOURCE_BASE, Phase.SECONDARY, 7, 13, ASD),
                of(SEN_UNIT, Phase.SECONDARY, 7, 11, SEMH),
                of(RESOURCE_BASE, Phase.ALL_THROUGH, 0, 13, HI, VI, MSI),
                of(SEN_UNIT, Phase.SECONDARY, 7, 13, ASD, SLCN),
                of(RESOURCE_BASE, Phase.PRIMARY, 0, 6, ASD, SLCN),
                of(SEN_UNIT, Phase.PRIMARY, 0, 6, MLD, SLD),
                of(RESOURCE_BASE, Phase.SECONDARY, 7, 11, ASD, SLCN),
                of(SEN_UNIT, Phase.PRIMARY, 0, 6, ASD),
                of(RESOURCE_BASE, Phase.PRIMARY, 0, 6, SLCN),
                of(SEN_UNIT, Phase.SECONDARY, 7, 11, ASD),
                of(RESOURCE_BASE, Phase.SECONDARY, 7, 11, SLCN),
                of(SEN_UNIT, Phase.ALL_THROUGH, 0, 13, SEMH));
    }

    /** The place funding (elements 1 and 2) per commissioned place, every year, both kinds of place. */
    private static final BigDecimal PLACE_RATE = new BigDecimal("6000.00");
    private static final List<BandCode> BANDS = List.of(new BandCode("BAND-1"), new BandCode("BAND-2"),
            new BandCode("BAND-3"));
    /** The bands' annual top-up values in the first year of the history; they rise 2.5% a year. */
    private static final List<BigDecimal> BAND_VALUES = List.of(new BigDecimal("1600"), new BigDecimal("3100"),
            new BigDecimal("4500"));
    private static final List<NeedCode> NEEDS = List.of(NeedCode.values());
    /** SPLD MLD SLD PMLD SEMH SLCN HI VI MSI PD ASD DS OTH, roughly as referrals to such provision arrive. */
    private static final int[] NEED_WEIGHTS = {5, 10, 6, 2, 14, 14, 4, 2, 1, 4, 32, 2, 2};
    private static final Set<NeedCode> RARE_NEEDS = EnumSet.of(MSI, PMLD, NeedCode.DS, NeedCode.OTH);
    private static final List<Integer> YEARS = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    private static final int[] YEAR_WEIGHTS = {6, 9, 9, 9, 9, 9, 9, 9, 8, 8, 7, 6, 2, 2};
    private static final List<EndReason> END_REASONS = List.of(EndReason.values());
    /** SPECIAL_SCHOOL OTHER_PROVISION LEFT_AREA PHASE_TRANSFER EHCP_CEASED OTHER */
    private static final int[] END_WEIGHTS = {30, 15, 20, 20, 8, 7};

    /**
     * A provision in the story: what it was commissioned as, and when the authority means to close it. Its places,
     * who holds them and whether it is open are its fold's ({@link DomainRules#provision}).
     */
    private static final class Prov {
        final ProvisionId id;
        final Archetype archetype;
        LocalDate closesOn;

        Prov(ProvisionId id, Archetype archetype) {
            this.id = id;
            this.archetype = archetype;
        }

        /** A provision being decommissioned stops taking offers a term and a half before it closes. */
        boolean acceptsOffers(LocalDate on) {
            return closesOn == null || on.isBefore(closesOn.minusDays(150));
        }
    }

    /**
     * A pupil's story: who they are and what will happen to them (the generator's choices). Where the placement
     * stands (status, provision, time split) is its fold's ({@link DomainRules#placement}).
     */
    private static final class Pupil {
        final PlacementId id;
        final int year;
        final NeedCode need;
        final LocalDate referredOn;
        final Set<Prov> refused = new HashSet<>();
        EhcpStatus ehcp;
        ProvisionType requested;
        boolean declineFirst;
        boolean offerWithdrawnFirst;
        boolean namedSchool;
        boolean overrideAllowed;
        boolean withdrawsEarly;
        int generation;

        Pupil(PlacementId id, int year, NeedCode need, LocalDate referredOn) {
            this.id = id;
            this.year = year;
            this.need = need;
            this.referredOn = referredOn;
        }
    }
}
