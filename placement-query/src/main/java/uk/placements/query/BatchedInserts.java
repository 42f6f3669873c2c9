package uk.placements.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts of rows that no handler reads back while the batch is running (timeline entries, milestones, change
 * rows), written as one JDBC batch per statement just before the processor's batch commits, in the same transaction
 * as its token. A replay writes thousands of such rows a second; one round trip per row was most of its cost on a
 * networked database. Every table written this way is keyed by an aggregate's id and an event's sequence, and each
 * batch writes its rows in that order ({@link KeyOrder}); each row's values are read by name ({@link RowWrites}).
 * Outside a unit of work (a handler called directly) a row is written at once.
 */
public final class BatchedInserts {

    private final RowWrites writes;
    /** Rows by statement, in the order the statements were first used. */
    private final PerBatch<Map<String, List<KeyOrder.EventKeyed>>> pending;

    public BatchedInserts(JdbcTemplate jdbc) {
        this.writes = new RowWrites(jdbc);
        this.pending = new PerBatch<>(LinkedHashMap::new,
                rows -> rows.forEach((sql, values) ->
                        writes.batchUpdate(sql, KeyOrder.byEvent(values))),
                rows -> { });
    }

    /** Inserts {@code row} with {@code namedSql}, whose parameters name the row's components. */
    public void insert(String namedSql, KeyOrder.EventKeyed row) {
        if (!CurrentUnitOfWork.isStarted()) {
            writes.update(namedSql, row);
            return;
        }
        pending.current().computeIfAbsent(namedSql, s -> new ArrayList<>()).add(row);
    }
}
