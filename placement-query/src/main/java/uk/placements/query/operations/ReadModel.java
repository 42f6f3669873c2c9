package uk.placements.query.operations;

import java.util.List;

/**
 * A read model as operations see it: the processing group that projects it and the tables it owns, each with the
 * primary key its rows are read in for a checksum.
 */
public record ReadModel(String name, List<Table> tables) {

    public record Table(String name, List<String> key) {
        public Table {
            key = List.copyOf(key);
        }
    }

    public ReadModel {
        tables = List.copyOf(tables);
    }

    public List<String> tableNames() {
        return tables.stream().map(Table::name).toList();
    }
}
