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
     * A secondary index: its name and its column list as written in the migration, and the condition of the rows a
     * partial index holds on PostgreSQL ({@code onlyWhere}, null for every row; H2 has no partial indexes and holds
     * every row).
     */
    public record Index(String name, String columns, String onlyWhere) {

        public Index(String name, String columns) {
            this(name, columns, null);
        }

        /** The statement that builds it if it is not there: partial on PostgreSQL if it is partial. */
        String createIfMissing(String table, boolean postgres) {
            return create("CREATE INDEX IF NOT EXISTS ", table, postgres);
        }

        /** The statement that builds it on PostgreSQL, partial if it is. */
        String createOnPostgres(String table) {
            return create("CREATE INDEX ", table, true);
        }

        private String create(String statement, String table, boolean postgres) {
            return statement + name + " ON " + table + " (" + columns + ")"
                    + (postgres && onlyWhere != null ? " WHERE " + onlyWhere : "");
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
        boolean postgres = ShadowTables.supported(jdbc.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName()));
        for (Table table : tables) {
            for (Index index : table.indexes()) {
                jdbc.execute(index.createIfMissing(table.name(), postgres));
            }
        }
    }
}
