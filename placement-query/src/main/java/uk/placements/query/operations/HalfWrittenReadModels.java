package uk.placements.query.operations;

import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.placements.query.ReadModelChanges;
import uk.placements.query.RowsByName;

import java.util.List;
import java.util.Set;

/**
 * Read models that a rebuild was writing in several transactions ({@link DirectReplay} on H2) when it died. The
 * rebuild marks its group in {@code read_model_rebuild} in the transaction that resets it, and clears the mark in the
 * one that stores its final tokens. A mark whose instance is no longer alive means the tables hold part of the new
 * rows: they are cleared and the group's tokens set back to the start of the event store (the processor then
 * replays it as on a first start), before any processor of the group runs again: at start-up (this lifecycle runs
 * before Axon starts the processors) and at every poll of {@link SharedProcessorControl}, before it starts a group.
 */
@Component
public class HalfWrittenReadModels implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HalfWrittenReadModels.class);

    private final JdbcTemplate jdbc;
    private final ReadModels readModels;
    private final QueryInstances instances;
    private final TransactionManager transactions;
    private volatile boolean running;

    public HalfWrittenReadModels(JdbcTemplate jdbc, ReadModels readModels, QueryInstances instances,
                                 TransactionManager transactions) {
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.instances = instances;
        this.transactions = transactions;
    }

    /** Marks {@code group} as being written by this instance (in the transaction that resets it). */
    void mark(String group) {
        jdbc.update("DELETE FROM read_model_rebuild WHERE processing_group = ?", group);
        jdbc.update("INSERT INTO read_model_rebuild (processing_group, instance_id, started_at) VALUES (?, ?, ?)",
                group, instances.id(), System.currentTimeMillis());
    }

    /** The rebuild of {@code group} has written everything (in the transaction that stores its tokens). */
    void clear(String group) {
        jdbc.update("DELETE FROM read_model_rebuild WHERE processing_group = ?", group);
    }

    boolean marked(String group) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM read_model_rebuild WHERE processing_group = ?",
                Integer.class, group);
        return n != null && n > 0;
    }

    /** A row of {@code read_model_rebuild}: a rebuild under way, and the instance running it. */
    record Mark(String processingGroup, String instanceId) {
    }

    /** Recovers every group marked by an instance that is not in {@code alive}. */
    void recoverAbandoned(Set<String> alive) {
        List<Mark> marks = jdbc.query("SELECT processing_group, instance_id FROM read_model_rebuild",
                RowsByName.of(Mark.class));
        for (Mark mark : marks) {
            // this instance's own mark is abandoned only before it runs (a restart under a configured id)
            if (!alive.contains(mark.instanceId()) || mark.instanceId().equals(instances.id()) && !running) {
                recover(mark.processingGroup(), mark.instanceId(),
                        "its rebuild by " + mark.instanceId() + " stopped half-way");
            }
        }
    }

    /** Recovers {@code group} from this instance's own rebuild, which failed while writing. */
    void recoverOwn(String group, String why) {
        recover(group, instances.id(), why);
    }

    /**
     * Clears {@code group}'s tables, sets its tokens back to the start and removes the mark {@code by} left, in one
     * transaction, if that mark is still there (several instances may find it at once: one recovers). The
     * processor, which must not be running anywhere, replays the events from the start when it next starts.
     */
    void recover(String group, String by, String why) {
        ReadModel model = readModels.find(group).orElse(null);
        boolean recovered = Boolean.TRUE.equals(transactions.fetchInTransaction(() -> {
            if (jdbc.update("DELETE FROM read_model_rebuild WHERE processing_group = ? AND instance_id = ?", group,
                    by) == 0) {
                return false;
            }
            if (model != null) {
                for (ReadModel.Table table : model.tables()) {
                    jdbc.update("DELETE FROM " + table.name());
                }
            }
            jdbc.update("UPDATE TokenEntry SET token = NULL, tokenType = NULL, owner = NULL WHERE processorName = ?",
                    group);
            new ReadModelChanges(jdbc).moved(group); // its rows are gone
            return true;
        }));
        if (recovered && model != null) {
            model.createMissingIndexes(jdbc); // the rebuild may have dropped them
        }
        if (recovered) {
            log.warn("Read model {} was half-written ({}): cleared; it is replayed from the start of the event "
                    + "store", group, why);
        }
    }

    @Override
    public void start() {
        recoverAbandoned(instances.alive());
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Axon starts the processors (its phase is Spring's default), after the H2 housekeeping. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1;
    }
}
