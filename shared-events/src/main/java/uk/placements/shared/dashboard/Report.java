package uk.placements.shared.dashboard;

import java.util.List;

/** A table of plain values (strings, or empty for none), ready to write as CSV. */
public record Report(List<String> columns, List<List<String>> rows) {
    public Report {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
