package uk.placements.edge.h2;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import javax.annotation.Nonnull;

/**
 * {@code placements.h2.sync-every-command=true}: each command's unit of work forces the H2 file to the disk after
 * it commits and before its answer is sent, so an acknowledged command is on the disk, not only in the operating
 * system's cache. It costs one {@code fsync} per command (concurrent commands share the ones that overlap); the
 * default instead forces the file every second ({@code placements.h2.sync-interval}).
 */
public class SyncEveryCommand implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final H2Housekeeping housekeeping;

    public SyncEveryCommand(H2Housekeeping housekeeping) {
        this.housekeeping = housekeeping;
    }

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         @Nonnull InterceptorChain interceptorChain) throws Exception {
        unitOfWork.afterCommit(committed -> housekeeping.sync());
        return interceptorChain.proceed();
    }
}
