package uk.placements.query.operations;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import uk.placements.edge.web.NotFound;
import uk.placements.query.ReadModelChanges;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where each projection stands against the event store, and the rebuild of one read model from the events.
 * <p>
 * Positions are global indexes ({@code DomainEventEntry.globalIndex}, which starts at 1). A segment this instance
 * claims is read from the processor itself (its position advances even through events of other segments, which the
 * token store only learns at the next claim extension); a segment claimed elsewhere, or by no one, from the token
 * store. A projection's position is its lowest segment's: every event up to it is in the read model.
 */
@Service
public class ProjectionOperations {

    private static final Logger log = LoggerFactory.getLogger(ProjectionOperations.class);

    public record SegmentPosition(int segment, OptionalLong position, boolean replaying, boolean claimedHere) {
    }

    public record ProjectionStatus(String name, Long position, long head, long lag, boolean replaying,
                                   boolean running, int segments, List<Integer> segmentsClaimedHere,
                                   List<String> tables) {
    }

    /**
     * {@code millis} from stopping the processor to its catching up with {@code head}; {@code cpuMillis} the CPU
     * time the whole process spent meanwhile: on a machine shared with other work, the steadier measure of cost.
     * {@code phases}: where the time went, in ms (fold, foldWaitingForReads, write, index, commit; see {@link
     * DirectReplay.Phases}); empty where the processor replays by itself (Axon Server's event store).
     */
    public record RebuildReport(String name, long events, long millis, long eventsPerSecond, long cpuMillis,
                                long head,
                                String checksumBefore, String checksumAfter, boolean unchanged,
                                Map<String, Long> rowsBefore, Map<String, Long> rowsAfter,
                                Map<String, Long> phases) {
    }

    /** 409: one rebuild at a time; two would share the same two cores and the same tables' locks. */
    public static class RebuildInProgress extends RuntimeException {
        RebuildInProgress(String running) {
            super("a rebuild of " + running + " is running; try again when it has finished", null, false, false);
        }
    }

    /**
     * A replay that failed (a handler threw). While the history was being read nothing had been written: the read
     * model and its position are as they were before the rebuild, and the processor goes on from there. While the
     * new rows were being written in several transactions (H2): the read model is cleared and replayed from the start.
     */
    public static class RebuildFailed extends RuntimeException {
        RebuildFailed(String name, boolean halfWritten, Throwable cause) {
            super("rebuilding " + name + " failed" + (halfWritten
                    ? " while writing the new rows: the read model has been cleared and is replayed from the start"
                    : ", so nothing was changed: the read model is as it was before the rebuild and goes on from "
                    + "there") + " (" + cause + ")", cause);
        }
    }

    private final ReadModels readModels;
    private final ReadModelChecksum checksums;
    private final LocalProcessorControl local;
    private final ProcessorControl control;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final JdbcTokenStore tokenStore;
    private final Duration timeout;
    /** Null where no storage engine is at hand (Axon Server's event store): the processor replays by itself. */
    private final DirectReplay directReplay;
    private final TransactionManager transactions;
    private final ReadModelChanges changes;
    private final ReentrantLock rebuilding = new ReentrantLock();
    private volatile String rebuildingName;

    public ProjectionOperations(ReadModels readModels, ReadModelChecksum checksums, LocalProcessorControl local,
                                ProcessorControl control, EventStore eventStore, JdbcTemplate jdbc,
                                TokenStore tokenStore, ObjectProvider<EventStorageEngine> storageEngine,
                                TransactionManager transactions,
                                @Value("${placements.operations.rebuild-timeout:PT30M}") Duration timeout,
                                @Value("${placements.operations.replay-batch-size:2000}") int replayBatchSize,
                                @Value("${placements.operations.rebuild-commit-rows:-1}") int commitRows,
                                HalfWrittenReadModels halfWritten) {
        this.readModels = readModels;
        this.checksums = checksums;
        this.local = local;
        this.control = control;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.changes = new ReadModelChanges(jdbc);
        // Positions of segments claimed elsewhere are read from TokenEntry directly: fetchToken would claim them.
        if (!(tokenStore instanceof JdbcTokenStore jdbcTokens)) {
            throw new IllegalStateException("projection operations read tokens from the JDBC token store (TokenEntry)");
        }
        this.tokenStore = jdbcTokens;
        this.timeout = timeout;
        EventStorageEngine engine = storageEngine.getIfAvailable();
        String product = engine == null ? null : jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName());
        this.directReplay = engine == null ? null : new DirectReplay(engine, tokenStore, transactions, jdbc,
                halfWritten, replayBatchSize, commitRows >= 0 ? commitRows : defaultCommitRows(product),
                ShadowTables.supported(product));
        if (directReplay == null) {
            log.info("Rebuilds: the processors replay the event store themselves");
        } else {
            log.info("Rebuilds: read straight through {} in batches of {}, written {}", engine, replayBatchSize,
                    directReplay.commitRows() == 0 ? "in one transaction"
                            : directReplay.commitRows() + " rows per transaction");
        }
    }

    /**
     * H2 writes a transaction's rows twice (uncommitted, then committed) and its file grows with the size of a
     * transaction: a rebuild writes its rows there 10,000 per transaction. Elsewhere (PostgreSQL) one transaction.
     */
    private static int defaultCommitRows(String databaseProduct) {
        return "H2".equals(databaseProduct) ? 10_000 : 0;
    }

    public List<ProjectionStatus> status() {
        long head = head();
        return readModels.all().stream().map(model -> status(model, head)).toList();
    }

    /**
     * Where {@code name} stands on every instance together (its lowest segment's position): every event up to it is
     * in the read model. Empty while some segment has processed nothing yet.
     */
    public OptionalLong position(String name) {
        Long lowest = lowest(positions(name, local.processor(name)));
        return lowest == null ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    private ProjectionStatus status(ReadModel model, long head) {
        StreamingEventProcessor processor = local.processor(model.name());
        List<SegmentPosition> segments = positions(model.name(), processor);
        Long position = lowest(segments);
        return new ProjectionStatus(model.name(), position, head,
                Math.max(0, head - (position == null ? 0 : position)),
                segments.stream().anyMatch(SegmentPosition::replaying), processor.isRunning(), segments.size(),
                segments.stream().filter(SegmentPosition::claimedHere).map(SegmentPosition::segment).toList(),
                model.tableNames());
    }

    /**
     * Checksums the read model, stops its processor everywhere, resets its tokens to the start of the event store
     * (its {@code @ResetHandler} clears its tables in the same transaction), replays the events into it (see
     * {@link DirectReplay}; with Axon Server's event store the processor replays them itself), starts it, waits until
     * it has reached the head the event store had when the rebuild began, and checksums it again. The two checksums compare
     * like with like only if no event arrives meanwhile; events that do are projected as usual, after the replay.
     */
    public RebuildReport rebuild(String name) {
        ReadModel model = readModels.find(name).orElseThrow(() -> new NotFound("projection", name));
        StreamingEventProcessor processor = local.processor(name);
        if (!rebuilding.tryLock()) {
            throw new RebuildInProgress(rebuildingName);
        }
        try {
            rebuildingName = name;
            ReadModelChecksum.Checksum before = checksums.of(model);
            long head = head();
            long events = head - position(eventStore.createTailToken());
            long started = System.nanoTime();
            long cpuStarted = processCpuNanos();
            control.stop(name);
            Map<String, Long> phases = Map.of();
            try {
                if (directReplay == null) {
                    changes.reset(processor, name, transactions);
                } else {
                    try {
                        phases = directReplay.replay(model, processor).phases().byName();
                    } catch (RebuildFailed e) {
                        log.error("Rebuild of {} failed and was rolled back", name, e);
                        throw e;
                    }
                }
            } finally {
                control.start(name);
            }
            if (events > 0) {
                awaitPosition(name, processor, head);
            }
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            long cpuMillis = (processCpuNanos() - cpuStarted) / 1_000_000;
            ReadModelChecksum.Checksum after = checksums.of(model);
            boolean unchanged = before.sha256().equals(after.sha256());
            log.info("Rebuilt {}: {} events in {} ms ({} events/s, {} ms CPU; phases in ms {}), checksum {}", name,
                    events, millis, events * 1000 / millis, cpuMillis, phases, unchanged ? "unchanged" : "CHANGED");
            return new RebuildReport(name, events, millis, events * 1000 / millis, cpuMillis, head, before.sha256(),
                    after.sha256(), unchanged, before.rows(), after.rows(), phases);
        } finally {
            rebuildingName = null;
            rebuilding.unlock();
        }
    }

    private void awaitPosition(String name, StreamingEventProcessor processor, long head) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<SegmentPosition> segments = positions(name, processor);
            Long position = lowest(segments);
            if (!segments.isEmpty() && position != null && position >= head) {
                return;
            }
            processor.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState).findFirst()
                    .ifPresent(failed -> {
                        throw new IllegalStateException("projection " + name + " failed while replaying",
                                failed.getError());
                    });
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projection " + name + " did not reach " + head + " within "
                        + timeout + "; it goes on replaying");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + name + " was replaying", e);
            }
        }
    }

    List<SegmentPosition> positions(String name, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> claimedHere = processor.processingStatus();
        return jdbc.query("SELECT segment, token, tokenType FROM TokenEntry WHERE processorName = ? ORDER BY segment",
                (rs, i) -> {
                    int segment = rs.getInt("segment");
                    EventTrackerStatus status = claimedHere.get(segment);
                    if (status != null) {
                        return new SegmentPosition(segment, status.getCurrentPosition(), status.isReplaying()
                                && before(status.getCurrentPosition(), status.getResetPosition()), true);
                    }
                    byte[] bytes = rs.getBytes("token");
                    TrackingToken token = bytes == null ? null : tokenStore.serializer().deserialize(
                            new SimpleSerializedObject<>(bytes, byte[].class,
                                    new SimpleSerializedType(rs.getString("tokenType"), null)));
                    OptionalLong position = token == null ? OptionalLong.empty() : token.position();
                    return new SegmentPosition(segment, position,
                            ReplayToken.isReplay(token) && before(position, ReplayToken.getTokenAtReset(token)), false);
                }, name);
    }

    /**
     * Replaying: not yet back where the reset found it. Axon keeps a segment's replay token until an event beyond
     * that point arrives, so its own "replaying" stays true after a rebuild has caught up with a quiet event store.
     */
    private static boolean before(OptionalLong position, OptionalLong resetPosition) {
        return resetPosition.isPresent() && (position.isEmpty() || position.getAsLong() < resetPosition.getAsLong());
    }

    /** The lowest position across segments; null if some segment has processed nothing yet. */
    private static Long lowest(List<SegmentPosition> segments) {
        long lowest = Long.MAX_VALUE;
        for (SegmentPosition s : segments) {
            if (s.position().isEmpty()) {
                return null;
            }
            lowest = Math.min(lowest, s.position().getAsLong());
        }
        return segments.isEmpty() ? null : lowest;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private long head() {
        return position(eventStore.createHeadToken());
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
