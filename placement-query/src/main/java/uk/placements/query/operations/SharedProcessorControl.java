package uk.placements.query.operations;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link ProcessorControl} for every query instance sharing the database, embedded or scaled out. The desired state
 * of each processing group is a row of {@code processor_control}; every instance polls it (each
 * {@code placements.operations.control-poll-interval}, 250 ms) and shuts down or starts its own processor to match.
 * The instance that stops a group does so at once, then waits until {@code TokenEntry} shows no live owner on any
 * of the group's segments: every instance has let go, so a reset meets no claim and no instance writes into the
 * tables the reset clears. A claim older than the claim timeout counts as let go: its owner has died, and Axon
 * itself would let any instance take it.
 * <p>
 * A stop lapses if the instance that ordered it dies (its heartbeat stops, see {@link QueryInstances}), so a crash in
 * the middle of a rebuild cannot leave a read model stopped everywhere. The same poll keeps this instance's heartbeat
 * and the live instance count that {@link SegmentShare} divides the segments by.
 * <p>
 * An instance that starts while a group is stopped starts its processor as usual and stops it at its first poll; if
 * it claimed a segment in that moment, the reset fails rather than resetting under it, and the rebuild can be asked
 * for again.
 */
@Component
public class SharedProcessorControl implements ProcessorControl, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SharedProcessorControl.class);
    private static final String RUNNING = "RUNNING";
    private static final String STOPPED = "STOPPED";
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private record Desired(String state, String by) {
    }

    private final LocalProcessorControl local;
    private final HalfWrittenReadModels halfWritten;
    private final ReadModels readModels;
    private final QueryInstances instances;
    private final SegmentShare share;
    private final JdbcTemplate jdbc;
    private final Duration pollInterval;
    private final Duration stopTimeout;
    /** Groups whose processor this control shut down here, and so starts again here. */
    private final Set<String> stoppedHere = ConcurrentHashMap.newKeySet();
    /** Reading the desired state and acting on it is one step, so a poll never undoes a start it did not see. */
    private final Object lock = new Object();
    private volatile ScheduledExecutorService poller;
    private long lastHeartbeat;

    public SharedProcessorControl(LocalProcessorControl local, HalfWrittenReadModels halfWritten,
                                  ReadModels readModels, QueryInstances instances,
                                  SegmentShare share, JdbcTemplate jdbc,
                                  @Value("${placements.operations.control-poll-interval:PT0.25S}")
                                  Duration pollInterval,
                                  @Value("${placements.operations.stop-timeout:PT15S}") Duration stopTimeout) {
        this.local = local;
        this.halfWritten = halfWritten;
        this.readModels = readModels;
        this.instances = instances;
        this.share = share;
        this.jdbc = jdbc;
        this.pollInterval = pollInterval;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public void stop(String processingGroup) {
        local.processor(processingGroup);
        synchronized (lock) {
            desire(processingGroup, STOPPED);
            stopHere(processingGroup);
        }
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        List<String> owners = liveOwners(processingGroup);
        while (!owners.isEmpty()) {
            if (System.nanoTime() > deadline) {
                start(processingGroup);
                throw new NotStopped(processingGroup + " is still processed by " + owners + " after " + stopTimeout
                        + "; nothing was reset and it runs on; try again");
            }
            pause(Duration.ofMillis(50));
            owners = liveOwners(processingGroup);
        }
    }

    @Override
    public void start(String processingGroup) {
        synchronized (lock) {
            desire(processingGroup, RUNNING);
            startHere(processingGroup);
        }
    }

    private void stopHere(String group) {
        StreamingEventProcessor processor = local.processor(group);
        if (processor.isRunning()) {
            processor.shutDown();
            stoppedHere.add(group);
            log.info("Processor {} stopped on {}", group, instances.id());
        }
    }

    /**
     * A reset leaves every segment claimed by the instance that reset it; those claims go before the processor
     * starts, so every instance can take its share at once instead of after the claim timeout.
     */
    private void startHere(String group) {
        if (stoppedHere.remove(group)) {
            jdbc.update("UPDATE TokenEntry SET owner = NULL WHERE processorName = ? AND owner = ?", group,
                    instances.id());
            local.processor(group).start();
            log.info("Processor {} started on {}", group, instances.id());
        }
    }

    private void desire(String group, String state) {
        long now = System.currentTimeMillis();
        if (jdbc.update("UPDATE processor_control SET desired_state = ?, changed_at = ?, changed_by = ? "
                + "WHERE processing_group = ?", state, now, instances.id(), group) == 0) {
            try {
                jdbc.update("INSERT INTO processor_control (processing_group, desired_state, changed_at, changed_by) "
                        + "VALUES (?, ?, ?, ?)", group, state, now, instances.id());
            } catch (DuplicateKeyException insertedMeanwhile) {
                desire(group, state);
            }
        }
    }

    /** Owners of the group's segments whose claim is still good (younger than the claim timeout). */
    List<String> liveOwners(String group) {
        Instant expired = Instant.now().minus(instances.liveness());
        return claims().stream()
                .filter(c -> c.processorName().equals(group) && c.owner() != null && c.claimedAt() != null
                        && c.claimedAt().isAfter(expired))
                .map(Claim::owner).distinct().toList();
    }

    void poll() {
        try {
            long now = System.currentTimeMillis();
            if (now - lastHeartbeat >= HEARTBEAT.toMillis()) {
                instances.heartbeat();
                lastHeartbeat = now;
            }
            Set<String> alive = instances.alive();
            List<Claim> claims = claims();
            share.update(alive.size(), segmentCounts(claims));
            halfWritten.recoverAbandoned(alive); // before any group runs again after its rebuilder died
            synchronized (lock) {
                Map<String, Desired> desired = desiredStates();
                for (ReadModel model : readModels.all()) {
                    Desired d = desired.get(model.name());
                    if (d != null && STOPPED.equals(d.state()) && alive.contains(d.by())) {
                        stopHere(model.name());
                    } else {
                        startHere(model.name());
                        takeOverFromTheDead(model.name(), claims, alive);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Processor control poll on {} failed: {}", instances.id(), e.toString());
        }
    }

    /**
     * Lets a poll under way finish and runs no other. Never interrupts it: H2 closes its database file under a thread
     * interrupted in the middle of writing it (the channel is interruptible), and every other connection of the
     * process then fails with "Writing to ... failed". A clean-stop test under load met exactly that when the poll
     * was stopped with {@code shutdownNow()} during its heartbeat's commit.
     */
    static void stopPolling(ScheduledExecutorService executor, Duration patience) {
        executor.shutdown(); // the periodic poll is cancelled, the one running is not
        try {
            if (!executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Processor control poll still running after {}; leaving it to finish", patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Desired> desiredStates() {
        Map<String, Desired> desired = new HashMap<>();
        jdbc.query("SELECT processing_group, desired_state, changed_by FROM processor_control", rs -> {
            desired.put(rs.getString("processing_group"),
                    new Desired(rs.getString("desired_state"), rs.getString("changed_by")));
        });
        return desired;
    }

    /** A segment's claim as the token store has it: owner null when unclaimed, claimed at the last renewal. */
    record Claim(String processorName, int segment, String owner, Instant claimedAt) {
    }

    private List<Claim> claims() {
        return jdbc.query("SELECT processorName, segment, owner, timeStamp FROM TokenEntry", (rs, i) -> new Claim(
                rs.getString("processorName"), rs.getInt("segment"), rs.getString("owner"),
                rs.getString("timeStamp") == null ? null : Instant.parse(rs.getString("timeStamp"))));
    }

    private static Map<String, Integer> segmentCounts(List<Claim> claims) {
        Map<String, Integer> counts = new HashMap<>();
        claims.forEach(claim -> counts.merge(claim.processorName(), 1, Integer::sum));
        return counts;
    }

    /**
     * Claims, up to this instance's share, the segments of {@code group} whose owner has died: gone from the live
     * instances, and its claim older than the claim timeout, so no live instance could lose it. Axon's coordinator
     * would take them too, at its next claim round, but it skips for a while (up to a minute, doubling) a segment
     * whose work failed here before, say when a stalled instance lost its claim to another; the processor's own
     * {@link StreamingEventProcessor#claimSegment claim instruction} clears that and claims at once. Several
     * survivors may ask for one segment: the token store lets one of them have it.
     */
    private void takeOverFromTheDead(String group, List<Claim> claims, Set<String> alive) {
        StreamingEventProcessor processor = local.processor(group);
        if (!processor.isRunning() || processor.isError()) {
            return;
        }
        Instant expired = Instant.now().minus(instances.liveness());
        long mine = claims.stream().filter(c -> c.processorName().equals(group) && instances.id().equals(c.owner()))
                .count();
        long room = share.getMaxSegments(group) - mine;
        claims.stream()
                .filter(c -> c.processorName().equals(group) && c.owner() != null && !alive.contains(c.owner())
                        && c.claimedAt() != null && c.claimedAt().isBefore(expired))
                .limit(Math.max(0, room))
                .forEach(c -> {
                    log.info("Processor {} on {} takes over segment {} from {}, which has died", group,
                            instances.id(), c.segment(), c.owner());
                    processor.claimSegment(c.segment());
                });
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-control");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        poller = executor;
    }

    /** Before the processors shut down (the default phase stops first): a poll must not start them again. */
    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            stopPolling(executor, Duration.ofSeconds(5));
        }
        try {
            instances.leave();
        } catch (RuntimeException e) {
            log.warn("Query instance {} could not sign off: {}", instances.id(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for processors to stop", e);
        }
    }
}
