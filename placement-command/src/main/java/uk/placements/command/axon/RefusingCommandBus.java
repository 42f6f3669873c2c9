package uk.placements.command.axon;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;

import java.util.Optional;

import static uk.placements.shared.common.CommandMetadata.CREATES;

/**
 * The command service's local command bus under Axon Server: what a handler's unit of work ends with, refusal or
 * not, reaches Axon Server as a {@link CommandExecutionException} whose details are a {@link Refusal}, the only form
 * that survives the trip back to the sending service (Axon Server returns a message and details, never the
 * exception).
 *
 * <p>It looks at the unit of work's result, not inside the handler: the event store's own refusals come when the
 * unit of work commits, after every handler interceptor has returned. Axon Server refuses an event whose sequence
 * number is taken at that point ({@code AXONIQ-2000}): for a command that creates its aggregate, the id exists (409
 * "Already exists", as Axon's JDBC storage says in process); for any other command, another instance changed the
 * aggregate first, a lost race the sending gateway retries. Both answered 500 while the refusals were only looked for
 * inside the handler.
 */
public class RefusingCommandBus extends SimpleCommandBus {

    public RefusingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        super.handle(command, handler, (CommandCallback<C, R>) (message, result) ->
                callback.onResult(message, asRefusal(message, result)));
    }

    /** The result as it must cross the bus: a refusal carried in the details, anything else as it is. */
    static <R> CommandResultMessage<? extends R> asRefusal(CommandMessage<?> command,
                                                           CommandResultMessage<? extends R> result) {
        if (!result.isExceptional()) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        if (failure instanceof CommandExecutionException carried && carried.getDetails().isPresent()) {
            return result;
        }
        Optional<Refusal> refusal = Refusal.of(failure, Boolean.TRUE.equals(command.getMetaData().get(CREATES)));
        if (refusal.isEmpty()) {
            return result;
        }
        return GenericCommandResultMessage.asCommandResultMessage(
                new CommandExecutionException(refusal.get().detail(), failure, refusal.get()));
    }
}
