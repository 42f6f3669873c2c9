package uk.placements.bench;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.placements.app.demo.AuthorityGenerator;
import uk.placements.app.demo.AuthorityPlan;
import uk.placements.shared.placement.PlacementId;
import uk.placements.shared.provision.ProvisionId;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
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

    private Plans() {
    }

    /** An authority big enough for {@code events} stored events plus {@code spareCommands} for the loads. */
    static AuthorityPlan authority(long events, int spareCommands) {
        int placements = (int) Math.ceil(events / EVENTS_PER_PLACEMENT + spareCommands / 3.0);
        int provisions = Math.max(36, placements / 16);
        return new AuthorityGenerator(SEED, LocalDate.now()).generate(provisions, placements);
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
