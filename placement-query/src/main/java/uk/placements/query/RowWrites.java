package uk.placements.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.List;

/**
 * How a projection writes the rows a batch of events gathered ({@link PerBatch}): by name, each {@code :parameter}
 * of the statement read from the row's component or field of that name ({@link RowParameters}, as Spring's
 * {@link SimplePropertySqlParameterSource} reads them), so that no list of values has to stay in step with a column
 * list. Written as one JDBC batch in the batch's transaction, unless the unit of work carries a {@link Writer} of its
 * own. A rebuild does ({@code DirectReplay}): it folds the whole history into one batch and writes its rows in
 * several transactions on a database whose file grows with the size of a transaction (H2). One per projection: it
 * keeps the parsed statements.
 */
public final class RowWrites {

    /** The resource key under which a root unit of work carries its {@link Writer}. */
    public static final String WRITER = RowWrites.class.getName() + ".writer";

    /** Writes the rows of one statement; returns the rows each of them changed, in their order. */
    public interface Writer {
        int[] batchUpdate(String namedSql, List<?> rows);
    }

    private final NamedParameterJdbcTemplate named;

    public RowWrites(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Writes {@code rows} (in the order given) with {@code namedSql}; returns how many rows of the table each of
     * them changed, in their order.
     */
    public int[] batchUpdate(String namedSql, List<?> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        Writer writer = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(WRITER) : null;
        if (writer != null) {
            return writer.batchUpdate(namedSql, rows);
        }
        return named.batchUpdate(namedSql, parameters(rows));
    }

    /** One row written at once, outside any batch. */
    public void update(String namedSql, Object row) {
        named.update(namedSql, new RowParameters(row));
    }

    /** The rows as parameter sources, read by name. */
    public static SqlParameterSource[] parameters(List<?> rows) {
        return rows.stream().map(RowParameters::new).toArray(SqlParameterSource[]::new);
    }
}
