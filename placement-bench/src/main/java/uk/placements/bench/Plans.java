package uk.placements.bench;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.app.demo.AuthorityGenerator;
import uk.placements.app.demo.AuthorityPlan;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.placement.command.ReferPupil;
import uk.placements.shared.provision.ProvisionId;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's data: one authority from the demo's own {@link AuthorityGenerator}, sized so that its first
 * commands fill the event store to a stage's size and the rest (the most recent days of casework) feed the command
 * loads. The loads split the rest by placement so each client sends one placement's commands in their order.
 */
final class Plans {

    static final long SEED = 20250901L;
    /** Measured on the generator: about 3.3 commands and 5 events per referral over two years of casework. */
    static final double EVENTS_PER_PLACEMENT = 5.0;
    /**
     * Measured in the benchmark's own 1,000,000-event load: about 1.19 events stored per command of the plan, casework
     * and money together (an offer also reserves the place; a refused or idle command stores nothing).
     */
    static final double EVENTS_PER_COMMAND = 1.19;
    /** The history of the growing authority, and the shortest of the fixed one. */
    static final int TWO_YEARS = 730;
    /** The stage whose authority the fixed authority keeps at every size. */
    static final long FIXED_AT_EVENTS = 100_000;

    private Plans() {
    }

    /**
     * An authority big enough for {@code events} stored events plus {@code spareCommands} for the loads, over two
     * years: one provision for every 16 placements, so the authority (and every dashboard's answer) grows with the
     * history.
     */
    static AuthorityPlan authority(long events, int spareCommands) {
        int placements = placements(events, spareCommands);
        return new AuthorityGenerator(SEED, LocalDate.now()).generate(provisions(placements), placements);
    }

    /**
     * The same authority at every size: the provisions of the growing authority at 100,000 events, and a history that
     * grows with the events at the casework per day that authority has over two years (at least two years). A
     * dashboard's answer is then the same size at every stage, and only the history grows: what "costs what the answer
     * costs, not what the history costs" needs. A longer history has more events per placement (stories finish), so
     * the placements are sized from the commands of a first plan, to end the loaded history near today.
     */
    static AuthorityPlan fixedAuthority(long events, int spareCommands) {
        int provisions = provisions(placements(FIXED_AT_EVENTS, spareCommands));
        double perDay = placements(FIXED_AT_EVENTS, spareCommands) / (double) TWO_YEARS;
        int guess = placements(events, spareCommands);
        AuthorityPlan first = fixedAuthority(provisions, guess, perDay);
        double eventsPerPlacement = EVENTS_PER_COMMAND
                * (first.commands().size() + first.fundingCommands().size()) / guess;
        return fixedAuthority(provisions, (int) Math.ceil(events / eventsPerPlacement + spareCommands / 3.0), perDay);
    }

    /** The fixed authority over the days its casework takes at {@code perDay}, two years at least. */
    private static AuthorityPlan fixedAuthority(int provisions, int placements, double perDay) {
        int days = Math.max(TWO_YEARS, (int) Math.round(placements / perDay));
        return new AuthorityGenerator(SEED, LocalDate.now()).generate(provisions, placements, days);
    }

    /** How long the plan's casework runs: from its first referral to its last, in days. */
    static long historyDays(AuthorityPlan plan) {
        List<LocalDate> referred = plan.commands().stream().filter(ReferPupil.class::isInstance)
                .map(c -> ((ReferPupil) c).referredOn()).sorted().toList();
        return referred.isEmpty() ? 0 : ChronoUnit.DAYS.between(referred.get(0), referred.get(referred.size() - 1));
    }

    static String historyOf(AuthorityPlan plan) {
        return String.format("%,d days of referrals", historyDays(plan));
    }

    private static int placements(long events, int spareCommands) {
        return (int) Math.ceil(events / EVENTS_PER_PLACEMENT + spareCommands / 3.0);
    }

    private static int provisions(int placements) {
        return Math.max(36, placements / 16);
    }

    /**
     * The aggregate a command targets: the key that keeps one placement's (or provision's) commands in order. A
     * funding command keys on its placement or provision too; a tariff command (no placement, no provision) on its
     * aggregate's identifier, the tariff.
     */
    static String target(Object command) {
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (component.getType() == PlacementId.class || component.getType() == ProvisionId.class) {
                try {
                    Object id = component.getAccessor().invoke(command);
                    return id instanceof PlacementId p ? p.value() : ((ProvisionId) id).value();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        for (Method method : command.getClass().getMethods()) {
            if (method.isAnnotationPresent(TargetAggregateIdentifier.class) && method.getParameterCount() == 0) {
                try {
                    return String.valueOf(method.invoke(command));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no target in " + command.getClass().getSimpleName());
    }

    /** The commands of {@code commands} for client {@code client} of {@code clients}, in their original order. */
    static List<Object> forClient(List<Object> commands, int client, int clients) {
        List<Object> mine = new ArrayList<>();
        for (Object command : commands) {
            if (Math.floorMod(target(command).hashCode(), clients) == client) {
                mine.add(command);
            }
        }
        return mine;
    }
}
