package uk.placements.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a projection gathers while its handlers run over one batch of events (one unit of work): written by {@code
 * flush} just before the batch commits, in the same transaction as the processor's token, and handed to {@code
 * committed} once the transaction has committed (never after a rollback), to keep for the next batch. A rebuild's whole
 * history ({@link #WHOLE_HISTORY}) is not handed on: its reset has emptied what the projections keep between batches,
 * and keeping every aggregate of the history there (200,000 placements at 1,000,000 events) cost a rebuild's commit a
 * few hundred ms for states the next events read back from the tables just as well. The state belongs to the batch's
 * thread; each batch has its own. A batch is the root unit of work: in a rebuild ({@code DirectReplay}) the batches of
 * events are nested in one unit of work for the whole history, and the state gathers all of it.
 */
public final class PerBatch<T> {

    /**
     * The resource by which a rebuild ({@code DirectReplay}) marks its unit of work: one batch for the whole
     * history, whose reset runs when it commits. Until then the tables hold the old read model, which its handlers
     * must not read; they start from nothing instead ({@link #wholeHistory}).
     */
    public static final String WHOLE_HISTORY = PerBatch.class.getName() + ".wholeHistory";

    /**
     * Whether the current batch is a rebuild's whole history ({@link #WHOLE_HISTORY}): it meets every event from
     * the first, and the tables it will write are empty when it writes. Any other batch, a replay by the processor
     * too (many batches after the reset, each committed before the next), carries on from what the tables hold.
     */
    public static boolean wholeHistory() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(CurrentUnitOfWork.get().root().getResource(WHOLE_HISTORY));
    }

    private final String resourceKey = PerBatch.class.getName() + "#" + System.identityHashCode(this);
    private final Supplier<T> create;
    private final Consumer<T> flush;
    private final Consumer<T> committed;

    public PerBatch(Supplier<T> create, Consumer<T> flush, Consumer<T> committed) {
        this.create = create;
        this.flush = flush;
        this.committed = committed;
    }

    /** This batch's state, created (and its flush registered) on first use. */
    public T current() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("projection handlers run inside a unit of work");
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            T state = create.get();
            unitOfWork.onPrepareCommit(u -> flush.accept(state));
            if (!Boolean.TRUE.equals(unitOfWork.getResource(WHOLE_HISTORY))) {
                unitOfWork.afterCommit(u -> committed.accept(state));
            }
            return state;
        });
    }
}
