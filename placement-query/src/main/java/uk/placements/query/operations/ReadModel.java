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
     * A secondary index: its name and its column list as written in the migration, and on PostgreSQL the rows it
     * holds ({@code postgresWhere}, a partial index's predicate as written in the migration; null for every row). H2
     * has no partial indexes: there the index holds every row.
     */
    public record Index(String name, String columns, String postgresWhere) {

        public Index(String name, String columns) {
            this(name, columns, null);
        }

        /** The statement that builds it if it is not there, on PostgreSQL ({@code postgres}) or H2. */
        String createIfMissing(String table, boolean postgres) {
            return "CREATE INDEX IF NOT EXISTS " + name + " ON " + table + " (" + columns + ")"
                    + (postgres ? where() : "");
        }

        /** The statement that builds it on PostgreSQL. */
        String createOnPostgres(String table) {
            return "CREATE INDEX " + name + " ON " + table + " (" + columns + ")" + where();
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
