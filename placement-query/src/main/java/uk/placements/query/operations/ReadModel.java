package uk.placements.query.operations;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * A read model as operations see it: the processing group that projects it and the tables it owns, each with the
 * primary key its rows are read in for a checksum, and its other indexes (as the schema migrations create them;
 * ProjectionOperationsTest compares them with the database's), which a rebuild on H2 drops while it writes the rows
 * and builds again afterwards.
 */
public record ReadModel(String name, List<Table> tables) {

    public record Table(String name, List<String> key, List<Index> indexes) {
        public Table {
            key = List.copyOf(key);
            indexes = List.copyOf(indexes);
        }

        public Table(String name, List<String> key) {
            this(name, key, List.of());
        }
    }

    /**
     * A secondary index: its name and its column list as written in the migration. On PostgreSQL it may be partial:
     * it holds the rows of {@code postgresWhere} alone (the predicate as written in the migration; null for every
     * row), over {@code postgresColumns}, which leave out a column the predicate fixes: PostgreSQL takes a condition
     * the predicate implies as met and does not seek by it, so a fixed first column would make every read scan the
     * whole index. H2 has no partial indexes: there the index holds every row, over {@code columns}.
     */
    public record Index(String name, String columns, String postgresColumns, String postgresWhere) {

        public Index(String name, String columns) {
            this(name, columns, columns, null);
        }

        /** An index that is partial on PostgreSQL (see above), over every row on H2. */
        public static Index partialOnPostgres(String name, String columns, String postgresColumns,
                                              String postgresWhere) {
            return new Index(name, columns, postgresColumns, postgresWhere);
        }

        /** Its column list on PostgreSQL ({@code postgres}) or H2. */
        public String columns(boolean postgres) {
            return postgres ? postgresColumns : columns;
        }

        /** The statement that builds it if it is not there, on PostgreSQL ({@code postgres}) or H2. */
        String createIfMissing(String table, boolean postgres) {
            return "CREATE INDEX IF NOT EXISTS " + name + " ON " + table + " (" + columns(postgres) + ")"
                    + (postgres ? where() : "");
        }

        /** The statement that builds it on PostgreSQL. */
        String createOnPostgres(String table) {
            return "CREATE INDEX " + name + " ON " + table + " (" + postgresColumns + ")" + where();
        }

        private String where() {
            return postgresWhere == null ? "" : " WHERE " + postgresWhere;
        }
    }

    public ReadModel {
        tables = List.copyOf(tables);
    }

    public List<String> tableNames() {
        return tables.stream().map(Table::name).toList();
    }

    /** Builds every index of every table that is not there (after a rebuild on H2 dropped them). */
    void createMissingIndexes(JdbcTemplate jdbc) {
        boolean postgres = ShadowTables.supported(jdbc.execute(
                (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
        for (Table table : tables) {
            for (Index index : table.indexes()) {
                jdbc.execute(index.createIfMissing(table.name(), postgres));
            }
        }
    }
}
