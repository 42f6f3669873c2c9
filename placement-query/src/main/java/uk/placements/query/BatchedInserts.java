package uk.placements.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts of rows that no handler reads back while the batch is running (timeline entries, milestones, change
 * rows), written as one JDBC batch per statement just before the processor's batch commits, in the same transaction
 * as its token. A replay writes thousands of such rows a second; one round trip per row was most of its cost on a
 * networked database. Outside a unit of work (a handler called directly) a row is written at once.
 */
public final class BatchedInserts {

    private final JdbcTemplate jdbc;
    private final String resourceKey = BatchedInserts.class.getName() + "#" + System.identityHashCode(this);

    public BatchedInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String sql, Object... values) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, values);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Map<String, List<Object[]>> pending = unitOfWork.getOrComputeResource(resourceKey, key -> {
            Map<String, List<Object[]>> rows = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> rows.forEach(jdbc::batchUpdate));
            return rows;
        });
        pending.computeIfAbsent(sql, s -> new ArrayList<>()).add(values);
    }
}
