package uk.placements.query.operations;

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

    /** A secondary index: its name and its column list as written in the migration. */
    public record Index(String name, String columns) {

        /** The statement that builds it if it is not there. */
        String createIfMissing(String table) {
            return "CREATE INDEX IF NOT EXISTS " + name + " ON " + table + " (" + columns + ")";
        }

        /** The statement that builds it on PostgreSQL. */
        String createOnPostgres(String table) {
            return "CREATE INDEX " + name + " ON " + table + " (" + columns + ")";
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
        for (Table table : tables) {
            for (Index index : table.indexes()) {
                jdbc.execute(index.createIfMissing(table.name()));
            }
        }
    }
}
