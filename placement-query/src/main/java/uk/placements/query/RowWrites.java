package uk.placements.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * How a projection writes the rows a batch of events gathered ({@link PerBatch}): as one JDBC batch in the batch's
 * transaction, unless the unit of work carries a {@link Writer} of its own. A rebuild does ({@code DirectReplay}):
 * it folds the whole history into one batch and writes its rows in several transactions on a database whose file
 * grows with the size of a transaction (H2).
 */
public final class RowWrites {

    /** The resource key under which a root unit of work carries its {@link Writer}. */
    public static final String WRITER = RowWrites.class.getName() + ".writer";

    /** Writes the rows of one statement. */
    public interface Writer {
        void batchUpdate(String sql, List<Object[]> rows);
    }

    private RowWrites() {
    }

    /** Writes {@code rows} (in the order given) with {@code sql}. */
    public static void batchUpdate(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Writer writer = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(WRITER) : null;
        if (writer != null) {
            writer.batchUpdate(sql, rows);
        } else {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
