package uk.placements.command.axon;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import uk.placements.command.placement.domain.RuleViolation;
import uk.placements.command.placement.domain.VersionConflict;
import uk.placements.shared.common.Rule;
import uk.placements.shared.pupil.PupilDataErased;

import java.util.Optional;

/**
 * A command handler's refusal in a form that survives the trip back through Axon Server. Across the bus only a
 * {@link CommandExecutionException} returns, with its message and a serialized "details" object, never the
 * exception the handler threw; so the handling side puts a refusal here ({@link RefusingCommandBus}) and the
 * sending side turns it back into the exception the HTTP edge answers ({@link #revive}): 409/422 with the rule,
 * 412 with the current version, 404, 409 for an existing id or a lost race, 409 for a pupil whose data was erased,
 * 400 for a value the handler found invalid.
 *
 * @param kind           which refusal
 * @param rule           the rule's enum name, for {@code RULE}
 * @param detail         the refusal's message (never personal data: rule messages name no pupil)
 * @param currentVersion the aggregate's version, for {@code VERSION}
 * @param aggregateId    the aggregate, for {@code NOT_FOUND} and {@code EXISTS}
 */
public record Refusal(Kind kind, String rule, String detail, Long currentVersion, String aggregateId) {

    public enum Kind { RULE, VERSION, NOT_FOUND, EXISTS, LOST_RACE, KEY_USED, ERASED, INVALID }

    /** The refusal {@code failure} stands for, if it is one the edge answers (anything else stays a failure). */
    public static Optional<Refusal> of(Throwable failure) {
        return of(failure, false);
    }

    /**
     * As {@link #of(Throwable)}, for a command that {@code creates} its aggregate: there the event store refusing the
     * first event's sequence number means the id is taken. (Axon's JDBC storage says so itself with an
     * AggregateStreamCreationException; Axon Server only refuses the sequence number, as for any lost race.) Any
     * other lost race of a creation (the same new pupil referred twice at once) stays a lost race, retried.
     */
    public static Optional<Refusal> of(Throwable failure, boolean creates) {
        if (creates && AxonConfiguration.takenSequenceNumberIn(failure)) {
            return Optional.of(new Refusal(Kind.EXISTS, null, "a record with this id already exists", null, null));
        }
        if (failure instanceof RuleViolation e) {
            return Optional.of(new Refusal(Kind.RULE, e.rule().name(), e.getMessage(), null, null));
        }
        if (failure instanceof VersionConflict e) {
            return Optional.of(new Refusal(Kind.VERSION, null, e.getMessage(), e.actualVersion(), null));
        }
        if (failure instanceof AggregateNotFoundException e) {
            return Optional.of(new Refusal(Kind.NOT_FOUND, null, e.getMessage(), null, String.valueOf(e.getAggregateIdentifier())));
        }
        if (failure instanceof AggregateStreamCreationException e) {
            return Optional.of(new Refusal(Kind.EXISTS, null, e.getMessage(), null, null));
        }
        if (failure instanceof IdempotencyInterceptor.KeyAlreadyUsed) {
            return Optional.of(new Refusal(Kind.KEY_USED, null, failure.getMessage(), null, null));
        }
        if (failure instanceof PupilDataErased) {
            return Optional.of(new Refusal(Kind.ERASED, null, failure.getMessage(), null, null));
        }
        if (failure instanceof IllegalArgumentException) {
            return Optional.of(new Refusal(Kind.INVALID, null, failure.getMessage(), null, null));
        }
        if (AxonConfiguration.isLostRace(failure)) {
            return Optional.of(new Refusal(Kind.LOST_RACE, null, "lost a race with a concurrent change", null, null));
        }
        return Optional.empty();
    }

    /** The refusal a failure returned through the bus carries, if any. */
    public static Optional<Refusal> carriedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CommandExecutionException remote) {
                Optional<Refusal> details = remote.getDetails();
                if (details.isPresent()) {
                    return details;
                }
            }
        }
        return Optional.empty();
    }

    /** The exception the handler threw, as far as the edge needs it. */
    public RuntimeException revive() {
        return switch (kind) {
            case RULE -> new RuleViolation(Rule.valueOf(rule), detail);
            case VERSION -> new VersionConflict(detail, currentVersion);
            case NOT_FOUND -> new AggregateNotFoundException(aggregateId, detail);
            case EXISTS -> new AggregateStreamCreationException(detail);
            case KEY_USED -> new IdempotencyInterceptor.KeyAlreadyUsed();
            case LOST_RACE -> new ConcurrencyException(detail);
            case ERASED -> new PupilDataErased();
            case INVALID -> new IllegalArgumentException(detail);
        };
    }

    /** A lost race that came back through the bus: the command gateway retries it like a local one. */
    static boolean isLostRace(Throwable failure) {
        return carriedBy(failure).map(r -> r.kind() == Kind.LOST_RACE).orElse(false);
    }
}
