package uk.placements.query.returns;

import uk.placements.edge.web.InvalidField;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A GIAS establishment extract ("edubase" CSV, as downloaded from Get Information About Schools), reduced to the
 * columns the reconciliation reads. Any other column (the extract has over a hundred) is ignored, and so is their
 * order. Refusals name the column and the line (the header is line 1) and never quote a value.
 */
public final class GiasExtract {

    public static final String URN = "URN";
    public static final String NAME = "EstablishmentName";
    public static final String TYPE = "TypeOfResourcedProvision (name)";
    public static final String RP_CAPACITY = "ResourcedProvisionCapacity";
    public static final String RP_ON_ROLL = "ResourcedProvisionOnRoll";
    public static final String UNIT_CAPACITY = "SenUnitCapacity";
    public static final String UNIT_ON_ROLL = "SenUnitOnRoll";
    static final List<String> REQUIRED = List.of(URN, NAME, TYPE, RP_CAPACITY, RP_ON_ROLL, UNIT_CAPACITY,
            UNIT_ON_ROLL);

    /** GIAS's values of TypeOfResourcedProvision, and what each says the school has. */
    public enum ProvisionKind {
        NONE("Not applicable", false, false),
        RESOURCED_PROVISION("Resourced provision", true, false),
        SEN_UNIT("SEN unit", false, true),
        BOTH("Resourced provision and SEN unit", true, true);

        final String gias;
        final boolean resourcedProvision;
        final boolean senUnit;

        ProvisionKind(String gias, boolean resourcedProvision, boolean senUnit) {
            this.gias = gias;
            this.resourcedProvision = resourcedProvision;
            this.senUnit = senUnit;
        }

        public String gias() {
            return gias;
        }

        static ProvisionKind of(boolean resourcedProvision, boolean senUnit) {
            return resourcedProvision ? senUnit ? BOTH : RESOURCED_PROVISION : senUnit ? SEN_UNIT : NONE;
        }
    }

    /** One school of the extract; a figure GIAS leaves blank is null. */
    public record School(String urn, String name, ProvisionKind type, Integer resourcedProvisionCapacity,
                         Integer resourcedProvisionOnRoll, Integer senUnitCapacity, Integer senUnitOnRoll) {
    }

    private GiasExtract() {
    }

    /** The schools of the extract by URN, in the extract's order. */
    public static Map<String, School> parse(String text) {
        List<Csv.Record> records = Csv.records(text);
        if (records.isEmpty() || records.get(0).fields().stream().allMatch(String::isBlank)) {
            throw new InvalidField("body", "must be a GIAS extract: a CSV with a header row naming " + REQUIRED);
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = records.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            column.putIfAbsent(header.get(i).strip(), i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !column.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidField(missing.get(0), "is a column the extract must have (line 1 lacks "
                    + String.join(", ", missing) + ")");
        }
        Map<String, School> schools = new LinkedHashMap<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r).fields();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue; // a blank line, the end of many a file
            }
            Row row = new Row(record, column, records.get(r).line());
            String urn = row.text(URN);
            if (!urn.matches("[0-9]{6}")) {
                throw row.invalid(URN, "must be a URN of 6 digits");
            }
            School school = new School(urn, row.text(NAME), row.kind(), row.count(RP_CAPACITY), row.count(RP_ON_ROLL),
                    row.count(UNIT_CAPACITY), row.count(UNIT_ON_ROLL));
            if (schools.putIfAbsent(urn, school) != null) {
                throw row.invalid(URN, "must not repeat a school of an earlier line");
            }
        }
        return schools;
    }

    private record Row(List<String> values, Map<String, Integer> column, int line) {

        String text(String name) {
            int i = column.get(name);
            return i < values.size() ? values.get(i).strip() : "";
        }

        Integer count(String name) {
            String value = text(name);
            if (value.isEmpty()) {
                return null;
            }
            if (!value.matches("[0-9]{1,5}")) {
                throw invalid(name, "must be a whole number of pupils from 0 to 99999, or blank");
            }
            return Integer.parseInt(value);
        }

        ProvisionKind kind() {
            String value = text(TYPE);
            if (value.isEmpty()) {
                return ProvisionKind.NONE;
            }
            for (ProvisionKind kind : ProvisionKind.values()) {
                if (kind.gias.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            List<String> known = new ArrayList<>();
            for (ProvisionKind kind : ProvisionKind.values()) {
                known.add(kind.gias);
            }
            throw invalid(TYPE, "must be one of " + known + " or blank");
        }

        InvalidField invalid(String name, String message) {
            return new InvalidField(name, "line " + line + ": " + message);
        }
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks; CRLF or LF ends a record. */
    static final class Csv {

        private Csv() {
        }

        /** A record and the line it starts on (1 for the header). */
        record Record(int line, List<String> fields) {
        }

        static List<Record> records(String text) {
            List<Record> records = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int line = 1;
            int start = 1;
            for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length(); i++) {
                char c = text.charAt(i);
                any = true;
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    fields.add(field.toString());
                    field.setLength(0);
                    records.add(new Record(start, fields));
                    fields = new ArrayList<>();
                    line++;
                    start = line;
                    any = false;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new InvalidField("body", "line " + start + ": a quoted field is never closed");
            }
            if (any) {
                fields.add(field.toString());
                records.add(new Record(start, fields));
            }
            return records;
        }
    }
}
