package uk.placements.bench;

import uk.placements.shared.funding.command.AssignTopUp;
import uk.placements.shared.funding.command.RecordPlaceChange;
import uk.placements.shared.funding.command.SetBandValue;
import uk.placements.shared.funding.command.SetPlaceRate;
import uk.placements.shared.funding.command.SetProvisionTopUpRate;
import uk.placements.shared.placement.command.AdmitPupil;
import uk.placements.shared.provision.command.CommissionProvision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's money ({@code AuthorityPlan.fundingCommands()}, docs/funding.md "The demo's money") for the part of the
 * casework a stage loads. The generator plans the money from the whole history's final folds; a stage loads only
 * the history's first commands (the rest feeds the command loads), so only the money that belongs to the loaded
 * part is sent: the whole tariff, first; the top-ups (assignment and any change) of each placement whose admission
 * was loaded; the place-change returns of loaded provisions. Every funding command the generator plans records one
 * event, so {@link #events} tells the bulk load, before sending it, how many events the money will add.
 * <p>
 * A placement's top-up dates come from its final period: its admission day (loaded, so the same), and a change
 * before the day it left (if it left in the loaded part, the same day; if later, the change is still before it).
 * The casework commands sent after the money (the command loads) are unaffected: a placement's own aggregate never
 * reads its funding.
 */
final class MoneyLoad {

    private final List<Object> funding;
    private final Map<String, Integer> topUpsByPlacement = new HashMap<>();
    private final Map<String, Integer> returnsByProvision = new HashMap<>();
    private final int tariff;

    private final Set<String> admitted = new HashSet<>();
    private final Set<String> commissioned = new HashSet<>();
    private int scanned;
    private long events;

    MoneyLoad(List<Object> fundingCommands) {
        this.funding = List.copyOf(fundingCommands);
        int tariffCommands = 0;
        for (Object command : funding) {
            if (isTariff(command)) {
                tariffCommands++;
            } else if (command instanceof AssignTopUp topUp) {
                topUpsByPlacement.merge(topUp.placementId().value(), 1, Integer::sum);
            } else if (command instanceof RecordPlaceChange placeChange) {
                returnsByProvision.merge(placeChange.provisionId().value(), 1, Integer::sum);
            } else {
                throw new IllegalArgumentException("not a funding command the bench knows: "
                        + command.getClass().getSimpleName());
            }
        }
        this.tariff = tariffCommands;
        this.events = tariff;
    }

    static boolean isTariff(Object command) {
        return command instanceof SetPlaceRate || command instanceof SetBandValue
                || command instanceof SetProvisionTopUpRate;
    }

    /**
     * The money events that the funding commands of {@code casework}'s first {@code loaded} commands will add.
     * Calls must not go back: {@code loaded} never decreases (the bulk load only moves forward).
     */
    long events(List<Object> casework, int loaded) {
        scan(casework, loaded);
        return events;
    }

    /** The funding commands of the first {@code loaded} casework commands, in sending order: the tariff first. */
    List<Object> commands(List<Object> casework, int loaded) {
        scan(casework, loaded);
        List<Object> tariffFirst = new ArrayList<>();
        List<Object> rest = new ArrayList<>();
        for (Object command : funding) {
            if (isTariff(command)) {
                tariffFirst.add(command);
            } else if (command instanceof AssignTopUp topUp && admitted.contains(topUp.placementId().value())) {
                rest.add(command);
            } else if (command instanceof RecordPlaceChange placeChange
                    && commissioned.contains(placeChange.provisionId().value())) {
                rest.add(command);
            }
        }
        tariffFirst.addAll(rest);
        return tariffFirst;
    }

    /** The placements admitted in the loaded part that the generator funded. */
    int fundedPlacements() {
        return (int) admitted.stream().filter(topUpsByPlacement::containsKey).count();
    }

    int admittedPlacements() {
        return admitted.size();
    }

    private void scan(List<Object> casework, int loaded) {
        if (loaded < scanned) {
            throw new IllegalArgumentException("the loaded part only grows: " + loaded + " after " + scanned);
        }
        for (int i = scanned; i < loaded; i++) {
            Object command = casework.get(i);
            if (command instanceof AdmitPupil admit && admitted.add(admit.placementId().value())) {
                events += topUpsByPlacement.getOrDefault(admit.placementId().value(), 0);
            } else if (command instanceof CommissionProvision commission
                    && commissioned.add(commission.provisionId().value())) {
                events += returnsByProvision.getOrDefault(commission.provisionId().value(), 0);
            }
        }
        scanned = loaded;
    }
}
