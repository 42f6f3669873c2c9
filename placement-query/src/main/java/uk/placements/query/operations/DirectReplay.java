package uk.placements.query.operations;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.placements.query.PerBatch;
import uk.placements.query.ReadModelChanges;
import uk.placements.query.RowWrites;

import java.util.List;
import java.util.Set;

/**
 * A rebuild that reads the event store straight through and hands each event to the projection's own handlers,
 * bypassing the event processor's machinery (its coordinator, per-segment work packages and buffers). The handlers,
 * their order and their replay behaviour are exactly those the processor uses: the events reach the handlers of the
 * processor's own {@link EventHandlerInvoker}, marked as a replay ({@link ReplayHandlers}), read in batches of
 * {@code batchSize} events.
 * <p>
 * <b>Fold first, then write each table once, in key order.</b> The handlers run in one unit of work for the whole
 * rebuild, so what a projection gathers per unit of work ({@code PerBatch}) it gathers for the
 * whole history, in memory; nothing is written while the history is read, and every instance goes on serving the
 * read model as it was. Then, at the rebuild's commit: the reset (the projection's {@code @ResetHandler} and the
 * replay tokens, by {@link StreamingEventProcessor#resetTokens()}), every row once, in key order, and the tokens of
 * all segments at the last event. Committing every few thousand events instead wrote most pages of a randomly keyed
 * table again at each commit (on H2, whose file keeps every rewritten page until it is compacted, the file grew to
 * ten times its data during a rebuild of 100,000 events).
 * <p>
 * <b>Transactions.</b> With {@code commitRows} 0 (PostgreSQL) the reset, the rows and the tokens are one
 * transaction: readers see the old read model until it commits, and a crash or failure leaves it as it was. On
 * PostgreSQL the rows go into shadow tables without indexes, which are indexed when full and then swapped in for the
 * live ones ({@link ShadowTables}), in that same transaction, and plain INSERTs of rows are sent as COPY
 * ({@link CopyRows}). H2's
 * file grows with the size of a transaction (it writes the uncommitted rows, then each of them again at the commit),
 * so there the read model is bulk-loaded: a mark of the group commits first ({@link HalfWrittenReadModels}), the
 * tables are emptied and their secondary indexes dropped, the reset commits, the rows are written {@code commitRows}
 * at a time, the indexes are built again, and the last tokens commit together with the mark's removal. Should the
 * rebuild fail or the process die in between, the mark makes the group be cleared and replayed from the start
 * before it runs again; a failure while the history is read changes nothing. Only the processor's own caller may run
 * this, with the processor stopped on every instance.
 */
final class DirectReplay {

    private final EventStorageEngine storageEngine;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ReadModelChanges changes;
    private final HalfWrittenReadModels halfWritten;
    private final int batchSize;
    private final int commitRows;
    /** PostgreSQL: the rows go into shadow tables swapped in at the end ({@link ShadowTables}). */
    private final boolean shadowTables;

    DirectReplay(EventStorageEngine storageEngine, TokenStore tokenStore, TransactionManager transactions,
                 JdbcTemplate jdbc, HalfWrittenReadModels halfWritten, int batchSize, int commitRows,
                 boolean shadowTables) {
        this.storageEngine = storageEngine;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.changes = new ReadModelChanges(jdbc);
        this.halfWritten = halfWritten;
        this.batchSize = batchSize;
        this.commitRows = commitRows;
        this.shadowTables = shadowTables;
    }

    int commitRows() {
        return commitRows;
    }

    /**
     * Where a rebuild's time went, in ms: reading the history and folding it ({@code fold}), of which the handlers
     * waited for the reader ({@code foldWaitingForReads}: reading and deserialising was the slower); the reset and the
     * rows written ({@code write}: on H2 with its indexes dropped, on PostgreSQL into the shadow tables); indexing
     * the new rows and putting them in place ({@code index}: H2's indexes built again, PostgreSQL's shadow tables
     * indexed and swapped in); the tokens stored and the commit ({@code commit}).
     */
    record Phases(long fold, long foldWaitingForReads, long write, long index, long commit) {

        /** The phases by name, in their order. */
        java.util.Map<String, Long> byName() {
            java.util.Map<String, Long> byName = new java.util.LinkedHashMap<>();
            byName.put("fold", fold);
            byName.put("foldWaitingForReads", foldWaitingForReads);
            byName.put("write", write);
            byName.put("index", index);
            byName.put("commit", commit);
            return byName;
        }
    }

    /** What {@link #replay} did: the events replayed and its phases. */
    record Replayed(long events, Phases phases) {
    }

    /** Resets {@code processor}'s read model and replays every event into it. */
    Replayed replay(ReadModel model, StreamingEventProcessor processor) {
        String processingGroup = model.name();
        if (!(processor instanceof AbstractEventProcessor abstractProcessor)) {
            throw new IllegalStateException(processingGroup + " is not an Axon event processor");
        }
        EventHandlerInvoker handlers = abstractProcessor.eventHandlerInvoker();
        int[] segments = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(processingGroup));
        boolean oneTransaction = commitRows <= 0;
        long[] replayed = {0};
        // nanoTime at: the start, the history folded, the rows written, the new indexes in place, the commit
        long[] at = new long[5];
        long[] waited = {0};
        at[0] = System.nanoTime();
        DefaultUnitOfWork<?> rebuild = DefaultUnitOfWork.startAndGet(null);
        rebuild.resources().put(PerBatch.WHOLE_HISTORY, Boolean.TRUE);
        try {
            if (oneTransaction) {
                rebuild.attachTransaction(transactions);
                if (shadowTables) {
                    // into the empty shadow tables by COPY, in the rebuild's transaction
                    rebuild.resources().put(RowWrites.WRITER, new CopyRows(jdbc));
                }
            } else {
                rebuild.resources().put(RowWrites.WRITER, (RowWrites.Writer) this::inChunks);
            }
            TrackingToken tokenAtReset = storageEngine.createHeadToken();
            // registered first, so the reset runs before the projections write their rows
            ShadowTables shadows = oneTransaction && shadowTables ? new ShadowTables(jdbc) : null;
            rebuild.onPrepareCommit(u -> {
                at[1] = System.nanoTime();
                if (!oneTransaction) {
                    transactions.executeInTransaction(() -> halfWritten.mark(processingGroup));
                    emptyWithoutIndexes(model);
                }
                if (shadows != null) {
                    shadows.open(model);
                }
                changes.reset(processor, processingGroup, transactions);
            });
            ResultMessage<?> result = rebuild.executeWithResult(() -> {
                TrackingToken last = replayInto(processingGroup, handlers, tokenAtReset, replayed, waited);
                // registered last, so the tokens commit after every row
                rebuild.onPrepareCommit(u -> {
                    at[2] = System.nanoTime();
                    if (!oneTransaction) {
                        model.createMissingIndexes(jdbc);
                    }
                    if (shadows != null) {
                        shadows.swapIn(model);
                    }
                    at[3] = System.nanoTime();
                    transactions.executeInTransaction(() -> {
                        for (int segment : segments) {
                            if (last != null) {
                                tokenStore.storeToken(last, processingGroup, segment);
                            }
                        }
                        if (!oneTransaction) {
                            halfWritten.clear(processingGroup);
                        }
                        // the rows have changed whether or not the tokens have (with no new event they are as before)
                        changes.moved(processingGroup);
                    });
                });
                return null;
            }, RollbackConfigurationType.ANY_THROWABLE);
            if (result.isExceptional()) {
                boolean half = !oneTransaction && halfWritten.marked(processingGroup);
                if (half) {
                    halfWritten.recoverOwn(processingGroup, "its rebuild failed while writing");
                }
                throw new ProjectionOperations.RebuildFailed(processingGroup, half, result.exceptionResult());
            }
            at[4] = System.nanoTime();
        } finally {
            // storing a token claims its segment for this node: hand them back to whichever instance starts first
            transactions.executeInTransaction(() -> {
                for (int segment : segments) {
                    tokenStore.releaseClaim(processingGroup, segment);
                }
            });
        }
        return new Replayed(replayed[0], new Phases(millis(at[0], at[1]), waited[0] / 1_000_000, millis(at[1], at[2]),
                millis(at[2], at[3]), millis(at[3], at[4])));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /**
     * Empties the model's tables and drops their secondary indexes (each statement commits by itself), so the rows
     * go in as a bulk load and the indexes are built afterwards from the whole table. On H2 a table emptied by DELETE
     * and filled again 10,000 rows at a time with its indexes in place left the file at 3.6 times its data and took
     * 4.5 times as long as building the indexes afterwards (1.9 times; 120,000 rows of the history's shape).
     */
    private void emptyWithoutIndexes(ReadModel model) {
        for (ReadModel.Table table : model.tables()) {
            for (ReadModel.Index index : table.indexes()) {
                jdbc.execute("DROP INDEX IF EXISTS " + index.name());
            }
            jdbc.execute("TRUNCATE TABLE " + table.name());
        }
    }

    /** Rows of one statement, {@code commitRows} per transaction; the rows each of them changed. */
    private int[] inChunks(String namedSql, List<?> rows) {
        int[] changed = new int[rows.size()];
        for (int from = 0; from < rows.size(); from += commitRows) {
            List<?> chunk = rows.subList(from, Math.min(rows.size(), from + commitRows));
            int[] counts = transactions.fetchInTransaction(
                    () -> named.batchUpdate(namedSql, RowWrites.parameters(chunk)));
            System.arraycopy(counts, 0, changed, from, counts.length);
        }
        return changed;
    }

    /** How many batches of events may be read ahead of the handlers. */
    private static final int READ_AHEAD_BATCHES = 4;

    /**
     * How many threads deserialise the events read, batch by batch, while the reader reads the next: one fewer than
     * the cores, at least one. With one core for the handlers, one reading and the rest deserialising, each stage of
     * the fold has a core at a time; the reader alone (reading and deserialising) held the handlers up for half of a
     * caseload rebuild's fold at 1,000,000 events on two cores.
     */
    static final int PREPARERS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    /**
     * Hands every event to the handlers, in the order of the event store; returns the last event's token (null if
     * none). The events are read by a thread of their own a few batches ahead of the handlers, and those the
     * projection handles deserialised by others ({@link ReadAhead}, {@link #PREPARERS}): reading and deserialising was
     * about half of a replay's samples, and now overlaps the handlers on other cores.
     */
    private TrackingToken replayInto(String processingGroup, EventHandlerInvoker invoker,
                                     TrackingToken tokenAtReset, long[] replayed, long[] waited) {
        ReplayHandlers handlers = new ReplayHandlers(invoker);
        Replays replays = new Replays(tokenAtReset);
        TrackingToken[] position = {null};
        waited[0] = ReadAhead.<TrackedEventMessage<?>>run(processingGroup, () -> storageEngine.readEvents(null, false),
                batchSize, READ_AHEAD_BATCHES, PREPARERS, event -> {
                    if (handlers.canHandleType(event.getPayloadType())) {
                        event.getPayload();
                        event.getMetaData();
                    }
                    event.getTimestamp(); // parsed from its stored text once, here, and kept
                }, read -> {
                    for (TrackedEventMessage<?> event : read) {
                        TrackingToken token = replays.token(event.trackingToken());
                        handle(processingGroup, handlers, event instanceof DomainEventMessage<?> domainEvent
                                ? new GenericTrackedDomainEventMessage<>(token, domainEvent)
                                : new GenericTrackedEventMessage<>(token, event));
                        position[0] = token;
                    }
                    replayed[0] += read.size();
                });
        return position[0];
    }

    /**
     * The token an event is handed to the handlers with, marking it a replay when the store held it at the reset, as
     * {@link ReplayToken#createReplayToken(TrackingToken, TrackingToken)} does. That compares the two tokens' gap sets
     * for every event, a tenth of the rebuilds' handling time at 100,000 events; for the usual case, an event at or
     * before the reset's index and not one of its gaps, the answer is plain and the replay token is made directly.
     * One per rebuild: the reset's gaps are read once.
     */
    static final class Replays {
        private final TrackingToken tokenAtReset;
        /** The reset's index and gaps, when it is a gap-aware token; else -1 and nothing, and Axon decides. */
        private final long resetIndex;
        private final Set<Long> resetGaps;

        Replays(TrackingToken tokenAtReset) {
            this.tokenAtReset = tokenAtReset;
            GapAwareTrackingToken reset = tokenAtReset instanceof GapAwareTrackingToken gapAware ? gapAware : null;
            this.resetIndex = reset == null ? -1 : reset.getIndex();
            this.resetGaps = reset == null ? Set.of() : Set.copyOf(reset.getGaps());
        }

        TrackingToken token(TrackingToken eventToken) {
            if (eventToken instanceof GapAwareTrackingToken event && event.getIndex() <= resetIndex
                    && !resetGaps.contains(event.getIndex())) {
                return new ReplayToken(tokenAtReset, eventToken);
            }
            return ReplayToken.createReplayToken(tokenAtReset, eventToken);
        }
    }

    /**
     * One event, to the handlers that take it ({@link ReplayHandlers}), in the rebuild's unit of work: what the
     * projections gather per unit of work they gather in its root, which is the rebuild's, whether or not a unit of
     * work is nested per batch; nesting one per batch of events cost a unit of work's bookkeeping, and a result
     * message with a random identifier, per event.
     */
    private static void handle(String processingGroup, ReplayHandlers handlers, TrackedEventMessage<?> event) {
        try {
            handlers.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("replaying " + processingGroup + " failed", e);
        }
    }
}
