package uk.placements.edge.schema;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Something a part of the schema needs from the database that its migrations cannot do for themselves (such as a
 * cluster-wide role that only a privileged user may create): checked before that part migrates, so that a service
 * refuses to start with one line saying what to do rather than failing half-way through a migration.
 */
public interface SchemaPrecondition {

    /** Throws, with what an operator must do, if {@code part} cannot be migrated on this database. */
    void check(SchemaPart part, String vendor, DataSource dataSource) throws SQLException;
}
