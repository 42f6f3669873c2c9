package uk.placements.command.axon;

import javax.annotation.Nonnull;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Optional;

/**
 * Wraps a handler's refusal in a {@link CommandExecutionException} whose details are a {@link Refusal}, so that it
 * reaches the sending service through Axon Server intact (Axon Server returns only a message and details). Only
 * registered where commands travel through Axon Server; in process the original exception reaches the sender as is.
 */
public class RefusalsAcrossTheBus implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         @Nonnull InterceptorChain interceptorChain) throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (Exception failure) {
            Optional<Refusal> refusal = Refusal.of(failure);
            if (refusal.isPresent()) {
                throw new CommandExecutionException(failure.getMessage(), failure, refusal.get());
            }
            throw failure;
        }
    }
}
