package uk.placements.query.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.placements.query.operations.SharedProcessorControl;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Files the access log: moves the rows that reads recorded in {@code access_log_pending} into {@code access_log},
 * a batch at a time, in the order they were recorded (V178). A read commits its rows before its answer is sent,
 * into a table with no index but its key; the indexes by pupil and by user, which take every row at a random place,
 * are written here, one commit per batch. Until a row is filed {@link AccessLog#search} finds it where it is.
 * <p>
 * Every query instance files, every {@code placements.access-log.filing-interval} (1 s by default). Two instances
 * filing the same rows cannot both file them: a batch deletes the rows it read, by the range of their keys, and is
 * rolled back unless it deleted exactly those (another instance filed them first, or a row recorded meanwhile fell in
 * the range); the rows are then filed by the next pass.
 */
@Component
public class AccessLogFiling implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFiling.class);

    /** The most rows one batch files. */
    static final int BATCH = 2_000;

    private record Pending(long id, Timestamp accessedAt, String userId, String pupilId, String placementId,
                           String endpoint) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private volatile ScheduledExecutorService filer;

    public AccessLogFiling(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                           @Value("${placements.access-log.filing-interval:1s}") Duration interval) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.interval = interval;
    }

    /** Files every row recorded so far, a batch at a time; how many this call filed. */
    public int fileAll() {
        int filed = 0;
        for (int batch = fileBatch(); batch > 0; batch = fileBatch()) {
            filed += batch;
        }
        return filed;
    }

    /**
     * Files the oldest rows not yet filed, at most {@link #BATCH}, in one transaction; how many (0 when there were
     * none, or when the batch was rolled back because its rows were not exactly those it read).
     */
    int fileBatch() {
        Integer filed = transactions.execute(status -> {
            List<Pending> rows = jdbc.query("SELECT id, accessed_at, user_id, pupil_id, placement_id, endpoint "
                    + "FROM access_log_pending ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY", (rs, i) ->
                    new Pending(rs.getLong("id"), rs.getTimestamp("accessed_at"), rs.getString("user_id"),
                            rs.getString("pupil_id"), rs.getString("placement_id"), rs.getString("endpoint")));
            if (rows.isEmpty()) {
                return 0;
            }
            int deleted = jdbc.update("DELETE FROM access_log_pending WHERE id BETWEEN ? AND ?",
                    rows.get(0).id(), rows.get(rows.size() - 1).id());
            if (deleted != rows.size()) {
                status.setRollbackOnly();
                return 0;
            }
            jdbc.batchUpdate("INSERT INTO access_log (accessed_at, user_id, pupil_id, placement_id, endpoint) "
                    + "VALUES (?, ?, ?, ?, ?)", rows, BATCH, (ps, row) -> {
                        ps.setTimestamp(1, row.accessedAt());
                        ps.setString(2, row.userId());
                        ps.setString(3, row.pupilId());
                        ps.setString(4, row.placementId());
                        ps.setString(5, row.endpoint());
                    });
            return rows.size();
        });
        return filed == null ? 0 : filed;
    }

    private void pass() {
        try {
            fileAll();
        } catch (RuntimeException e) {
            // another instance's batch held the same rows, or the database is away: the rows stay where they
            // are, found by searches, and the next pass files them
            LOG.debug("Access log filing pass failed; the next one retries", e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "access-log-filing");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pass, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        filer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = filer;
        filer = null;
        if (executor != null) {
            SharedProcessorControl.stopPolling(executor, Duration.ofSeconds(5));
        }
    }

    @Override
    public boolean isRunning() {
        return filer != null;
    }
}
