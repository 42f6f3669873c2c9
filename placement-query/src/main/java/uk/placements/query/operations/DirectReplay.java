package uk.placements.query.operations;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A rebuild that reads the event store straight through and hands each event to the projection's own handlers,
 * bypassing the event processor's machinery (its coordinator, per-segment work packages and buffers). The handlers,
 * their order and their replay behaviour are exactly those the processor uses: the events reach them through the
 * processor's own {@link EventHandlerInvoker}, marked as a replay, in batches of {@code batchSize} events, each in
 * one unit of work and one transaction.
 * <p>
 * Crash-safe like the processor itself: the reset and the start token of the replay are stored by
 * {@link StreamingEventProcessor#resetTokens()} in one transaction, and every batch commits its rows together with
 * the tokens of all segments, advanced to its last event. If the process dies half-way, the processor, once started,
 * resumes the replay where the last batch left off. Only the processor's own caller may run this, with the
 * processor stopped on every instance.
 */
final class DirectReplay {

    private final EventStorageEngine storageEngine;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final int batchSize;

    DirectReplay(EventStorageEngine storageEngine, TokenStore tokenStore, TransactionManager transactions,
                 int batchSize) {
        this.storageEngine = storageEngine;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /** Resets {@code processor}'s read model and replays every event into it; returns the events replayed. */
    long replay(String processingGroup, StreamingEventProcessor processor) {
        if (!(processor instanceof AbstractEventProcessor abstractProcessor)) {
            throw new IllegalStateException(processingGroup + " is not an Axon event processor");
        }
        EventHandlerInvoker handlers = abstractProcessor.eventHandlerInvoker();
        TrackingToken tokenAtReset = storageEngine.createHeadToken();
        processor.resetTokens();
        int[] segments = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(processingGroup));
        long replayed = 0;
        TrackingToken position = null;
        try (Stream<? extends TrackedEventMessage<?>> stream = storageEngine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            while (events.hasNext()) {
                TrackedEventMessage<?> event = events.next();
                TrackingToken token = ReplayToken.createReplayToken(tokenAtReset, event.trackingToken());
                batch.add(event instanceof DomainEventMessage<?> domainEvent
                        ? new GenericTrackedDomainEventMessage<>(token, domainEvent)
                        : new GenericTrackedEventMessage<>(token, event));
                position = token;
                if (batch.size() == batchSize) {
                    replayed += commit(processingGroup, handlers, segments, batch, position);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                replayed += commit(processingGroup, handlers, segments, batch, position);
            }
        } finally {
            // storing a token claims its segment for this node: hand them back to whichever instance starts first
            transactions.executeInTransaction(() -> {
                for (int segment : segments) {
                    tokenStore.releaseClaim(processingGroup, segment);
                }
            });
        }
        return replayed;
    }

    private int commit(String processingGroup, EventHandlerInvoker handlers, int[] segments,
                       List<TrackedEventMessage<?>> batch, TrackingToken position) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(u -> {
            for (int segment : segments) {
                tokenStore.storeToken(position, processingGroup, segment);
            }
        });
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            handlers.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("replaying " + processingGroup + " failed; the processor resumes it "
                    + "from the last committed batch when started", result.exceptionResult());
        }
        return batch.size();
    }
}
