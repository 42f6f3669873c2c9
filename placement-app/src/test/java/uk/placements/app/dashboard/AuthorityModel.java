package uk.placements.app.dashboard;

import uk.placements.shared.common.NeedCode;
import uk.placements.shared.common.ProvisionType;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.placement.command.ChangeTimeSplit;
import uk.placements.shared.placement.command.DeclineOffer;
import uk.placements.shared.placement.command.EndPlacement;
import uk.placements.shared.placement.command.MoveToMainstream;
import uk.placements.shared.placement.command.OfferPlace;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.placement.command.WithdrawOffer;
import uk.placements.shared.placement.command.WithdrawReferral;
import uk.placements.shared.provision.command.ChangeCommissionedPlaces;
import uk.placements.shared.provision.command.CloseProvision;
import uk.placements.shared.provision.command.CommissionProvision;
import uk.placements.shared.provision.command.RecordStaffing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent fold of the commands an authority was built from, in plain Java, to check the dashboards against:
 * it knows nothing of events, projections or SQL. Every command was accepted, so each is taken at its word.
 */
final class AuthorityModel {

    record Dated<T>(LocalDate on, int order, T value) {
    }

    record Staffing(int adults, int teachers, BigDecimal therapy) {
    }

    static final class Provision {
        final String id;
        final ProvisionType type;
        final String phase;
        final Set<NeedCode> needs;
        final LocalDate openedOn;
        LocalDate closedOn;
        final List<Dated<Integer>> places = new ArrayList<>();
        final List<Dated<Staffing>> staffing = new ArrayList<>();

        Provision(CommissionProvision c, int order) {
            id = c.provisionId().value();
            type = c.type();
            phase = c.phase().name();
            needs = c.designatedNeeds();
            openedOn = c.openedOn();
            places.add(new Dated<>(c.openedOn(), order, c.commissionedPlaces()));
        }

        boolean openOn(LocalDate d) {
            return !openedOn.isAfter(d) && (closedOn == null || closedOn.isAfter(d));
        }

        int placesOn(LocalDate d) {
            return latest(places, d);
        }

        Staffing staffingOn(LocalDate d) {
            return staffing.stream().anyMatch(s -> !s.on().isAfter(d)) ? latest(staffing, d) : null;
        }

        private static <T> T latest(List<Dated<T>> changes, LocalDate d) {
            Dated<T> best = null;
            for (Dated<T> c : changes) {
                if (!c.on().isAfter(d) && (best == null || c.on().isAfter(best.on())
                        || (c.on().equals(best.on()) && c.order() > best.order()))) {
                    best = c;
                }
            }
            return best == null ? null : best.value();
        }
    }

    /** A placement's state from a business date on. */
    record State(String status, String provisionId, Integer percent, boolean outsideNeed, LocalDate offeredOn,
                 boolean overCapacity) {
    }

    record Milestone(String kind, LocalDate on, String provisionId, Integer daysFromReferral, Integer daysFromOffer) {
    }

    static final class Placement {
        final NeedCode need;
        final int year;
        final LocalDate referredOn;
        final List<Dated<State>> states = new ArrayList<>();

        Placement(ReferPupil c) {
            need = c.primaryNeed();
            year = c.yearGroup();
            referredOn = c.referredOn();
            states.add(new Dated<>(c.referredOn(), 0, new State("REFERRED", null, null, false, null, false)));
        }

        State current() {
            return states.get(states.size() - 1).value();
        }

        /** Business dates never go backwards within a placement: the last state begun on or before d. */
        State on(LocalDate d) {
            State found = null;
            for (Dated<State> s : states) {
                if (!s.on().isAfter(d)) {
                    found = s.value();
                }
            }
            return found;
        }

        void become(LocalDate on, State state) {
            states.add(new Dated<>(on, states.size(), state));
        }
    }

    final Map<String, Provision> provisions = new LinkedHashMap<>();
    final Map<String, Placement> placements = new LinkedHashMap<>();
    final List<Milestone> milestones = new ArrayList<>();

    static AuthorityModel of(List<Object> commands) {
        AuthorityModel model = new AuthorityModel();
        int order = 0;
        for (Object command : commands) {
            model.apply(command, order++);
        }
        return model;
    }

    private void apply(Object command, int order) {
        if (command instanceof CommissionProvision c) {
            provisions.put(c.provisionId().value(), new Provision(c, order));
        } else if (command instanceof ChangeCommissionedPlaces c) {
            provisions.get(c.provisionId().value()).places.add(new Dated<>(c.effectiveFrom(), order,
                    c.commissionedPlaces()));
        } else if (command instanceof RecordStaffing c) {
            provisions.get(c.provisionId().value()).staffing.add(new Dated<>(c.effectiveFrom(), order,
                    new Staffing(c.adults(), c.qualifiedTeachers(), c.therapyHoursPerWeek())));
        } else if (command instanceof CloseProvision c) {
            provisions.get(c.provisionId().value()).closedOn = c.closedOn();
        } else if (command instanceof ReferPupil c) {
            placements.put(c.placementId().value(), new Placement(c));
        } else if (command instanceof OfferPlace c) {
            Placement p = placements.get(c.placementId().value());
            Provision at = provisions.get(c.provisionId().value());
            p.become(c.offeredOn(), new State("OFFERED", at.id, null, !at.needs.contains(p.need), c.offeredOn(),
                    c.overCapacityDecision() != null));
            milestone(p, "OFFERED", c.offeredOn(), at.id, null);
        } else if (command instanceof DeclineOffer c) {
            back(c.placementId().value(), "OFFER_DECLINED", c.on());
        } else if (command instanceof WithdrawOffer c) {
            back(c.placementId().value(), "OFFER_WITHDRAWN", c.on());
        } else if (command instanceof AdmitPupil c) {
            Placement p = placements.get(c.placementId().value());
            State s = p.current();
            int percent = c.mainstreamPercent() != null ? c.mainstreamPercent()
                    : provisions.get(s.provisionId()).type == ProvisionType.SEN_UNIT ? 20 : 50;
            p.become(c.admittedOn(), new State("ADMITTED", s.provisionId(), percent, s.outsideNeed(), s.offeredOn(),
                    s.overCapacity()));
            milestone(p, "ADMITTED", c.admittedOn(), s.provisionId(), s.offeredOn());
        } else if (command instanceof ChangeTimeSplit c) {
            Placement p = placements.get(c.placementId().value());
            State s = p.current();
            p.become(c.effectiveFrom(), new State(s.status(), s.provisionId(), c.mainstreamPercent(),
                    s.outsideNeed(), s.offeredOn(), s.overCapacity()));
            milestone(p, c.mainstreamPercent() > s.percent() ? "SPLIT_INCREASE" : "SPLIT_DECREASE",
                    c.effectiveFrom(), s.provisionId(), s.offeredOn());
        } else if (command instanceof MoveToMainstream c) {
            end(c.placementId().value(), "MOVED_TO_MAINSTREAM", c.effectiveFrom());
        } else if (command instanceof EndPlacement c) {
            end(c.placementId().value(), "ENDED", c.effectiveFrom());
        } else if (command instanceof WithdrawReferral c) {
            end(c.placementId().value(), "WITHDRAWN", c.on());
        } else {
            throw new IllegalArgumentException("not a command the generator sends: " + command.getClass());
        }
    }

    private void back(String id, String kind, LocalDate on) {
        Placement p = placements.get(id);
        State s = p.current();
        p.become(on, new State("REFERRED", null, null, false, null, false));
        milestone(p, kind, on, s.provisionId(), s.offeredOn());
    }

    private void end(String id, String status, LocalDate on) {
        Placement p = placements.get(id);
        State s = p.current();
        p.become(on, new State(status, s.provisionId(), s.percent(), s.outsideNeed(), s.offeredOn(),
                s.overCapacity()));
        milestone(p, status, on, s.provisionId(), s.offeredOn());
    }

    private void milestone(Placement p, String kind, LocalDate on, String provisionId, LocalDate offeredOn) {
        milestones.add(new Milestone(kind, on, provisionId, (int) ChronoUnit.DAYS.between(p.referredOn, on),
                offeredOn == null ? null : (int) ChronoUnit.DAYS.between(offeredOn, on)));
    }
}
