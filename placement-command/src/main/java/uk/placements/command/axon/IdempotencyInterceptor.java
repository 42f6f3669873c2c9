package uk.placements.command.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;

import javax.annotation.Nonnull;

import static uk.placements.shared.common.CommandMetadata.AGGREGATE_ID;
import static uk.placements.shared.common.CommandMetadata.IDEMPOTENCY_KEY;
import static uk.placements.shared.common.CommandMetadata.REQUEST_HASH;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/**
 * Records the answer to a command that carries an Idempotency-Key inside the command's own transaction (the
 * transaction interceptor wraps this one), so the answer exists exactly when the events do. Two concurrent
 * requests with one key cannot both commit: the second fails on the key and its events roll back.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** A concurrent request with the same key committed first; the caller answers with that one's result. */
    public static class KeyAlreadyUsed extends RuntimeException {
        KeyAlreadyUsed() {
            super("the idempotency key was used by a concurrent request", null, false, false);
        }
    }

    private final IdempotencyStore store;

    public IdempotencyInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(@Nonnull UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         @Nonnull InterceptorChain interceptorChain) throws Exception {
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(IDEMPOTENCY_KEY);
        Object result = interceptorChain.proceed();
        if (key != null) {
            boolean created = !(result instanceof Long);
            long version = created ? 0 : (Long) result;
            try {
                store.record(String.valueOf(metaData.get(USER_ID)), key.toString(), new IdempotencyStore.Answer(
                        String.valueOf(metaData.get(REQUEST_HASH)), String.valueOf(metaData.get(AGGREGATE_ID)),
                        version, created));
            } catch (DuplicateKeyException concurrentTwin) {
                throw new KeyAlreadyUsed();
            }
        }
        return result;
    }
}
