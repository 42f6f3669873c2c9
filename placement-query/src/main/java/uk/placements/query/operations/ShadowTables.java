package uk.placements.query.operations;

import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.query.RowsByName;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL: a rebuild writes its read model into shadow tables and swaps them in when done, all in the rebuild's
 * one transaction ({@link DirectReplay}).
 * <p>
 * {@link #open} creates, for each table of the model, an empty table of the same name and columns in the schema
 * {@value #SCHEMA}, without its key or indexes, and puts that schema first on the transaction's search path
 * ({@code SET LOCAL}): the projection's own statements, its reset's included, then read and write the shadow tables
 * without knowing it, while every other connection goes on reading the live ones. {@link #swapIn} builds each
 * shadow's primary key and indexes over the whole table and gathers its planner statistics, drops the views over the
 * live tables (keeping their definitions and grants), drops the live tables, moves the shadows into the live schema
 * and creates the views again. Readers wait only for those few statements; a failure or a crash anywhere rolls the
 * whole transaction back, and the old read model goes on serving as if nothing had happened.
 */
final class ShadowTables {

    static final String SCHEMA = "read_model_shadow";

    /**
     * The memory, in kB, each key and index of a shadow table is sorted in, for this transaction only, unless the
     * database is set to more. A sort larger than PostgreSQL's default (64 MB) goes to disk in runs merged afterwards,
     * and an index over the history's million periods (1,000,000 events) is about that size or more. A rebuild builds
     * one index at a time, so this is taken once.
     */
    static final long INDEX_SORT_KB = 256 * 1024;

    /** The views that read the tables, directly or through other views, oldest first (creation order). */
    private static final String DEPENDENT_VIEWS = """
            WITH RECURSIVE dependent(oid) AS (
                SELECT r.ev_class FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
                WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
                    AND d.refobjid IN (%s) AND r.ev_class <> d.refobjid
                UNION
                SELECT r.ev_class FROM dependent x
                JOIN pg_depend d ON d.refobjid = x.oid AND d.classid = 'pg_rewrite'::regclass
                    AND d.refclassid = 'pg_class'::regclass
                JOIN pg_rewrite r ON r.oid = d.objid
                WHERE r.ev_class <> x.oid)
            SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                   pg_get_viewdef(c.oid) AS definition
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.oid IN (SELECT oid FROM dependent) AND c.relkind = 'v'
            ORDER BY c.oid""";

    /** What was granted on a table or view to others than its owner. */
    private static final String GRANTS = """
            SELECT g.privilege_type, g.grantee FROM information_schema.role_table_grants g
            JOIN pg_class c ON c.relname = g.table_name
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = g.table_schema
            WHERE g.table_schema = ? AND g.table_name = ? AND g.grantee <> pg_get_userbyid(c.relowner)""";

    /** A view over the tables, as {@link #DEPENDENT_VIEWS} reads it. */
    private record Dependent(String name, String definition) {
    }

    private record View(String name, String definition, List<String> grants) {
    }

    private final JdbcTemplate jdbc;
    private String liveSchema;
    private String searchPath;

    ShadowTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a database of this product name ({@code DatabaseMetaData}) is one shadow tables are used on. */
    static boolean supported(String databaseProduct) {
        return "PostgreSQL".equals(databaseProduct);
    }

    /** In the rebuild's transaction, before its reset and its rows: empty shadows, first on the search path. */
    void open(ReadModel model) {
        liveSchema = jdbc.queryForObject("SELECT current_schema()", String.class);
        searchPath = jdbc.queryForObject("SHOW search_path", String.class);
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        for (ReadModel.Table table : model.tables()) {
            jdbc.execute("DROP TABLE IF EXISTS " + shadow(table));
            jdbc.execute("CREATE TABLE " + shadow(table) + " (LIKE " + live(table.name())
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
        }
        jdbc.execute("SET LOCAL search_path TO " + SCHEMA + ", " + searchPath);
        Long sortKb = jdbc.queryForObject(
                "SELECT CAST(setting AS BIGINT) FROM pg_settings WHERE name = 'maintenance_work_mem'", Long.class);
        if (sortKb != null && sortKb < INDEX_SORT_KB) {
            jdbc.execute("SET LOCAL maintenance_work_mem = '" + INDEX_SORT_KB + "kB'");
        }
    }

    /** After every row, still in the rebuild's transaction: keys and indexes, then the shadows take the live places. */
    void swapIn(ReadModel model) {
        for (ReadModel.Table table : model.tables()) {
            jdbc.execute("ALTER TABLE " + shadow(table) + " ADD PRIMARY KEY (" + String.join(", ", table.key())
                    + ")");
            for (ReadModel.Index index : table.indexes()) {
                jdbc.execute(index.createOnPostgres(shadow(table)));
            }
            // a new table has no statistics until autovacuum comes by: the planner would guess in the meantime
            jdbc.execute("ANALYZE " + shadow(table));
        }
        jdbc.execute("SET LOCAL search_path TO " + searchPath);
        String tables = model.tables().stream().map(t -> "'" + live(t.name()) + "'::regclass")
                .collect(Collectors.joining(", "));
        // the grants are read once the views' result is closed
        List<View> views = jdbc.query(DEPENDENT_VIEWS.formatted(tables), RowsByName.of(Dependent.class)).stream()
                .map(view -> new View(view.name(), view.definition(), grants(view.name()))).toList();
        List<List<String>> tableGrants = new ArrayList<>();
        for (ReadModel.Table table : model.tables()) {
            tableGrants.add(grants(live(table.name())));
        }
        if (!views.isEmpty()) {
            jdbc.execute("DROP VIEW " + views.stream().map(View::name).collect(Collectors.joining(", ")));
        }
        for (int i = 0; i < model.tables().size(); i++) {
            ReadModel.Table table = model.tables().get(i);
            jdbc.execute("DROP TABLE " + live(table.name()));
            jdbc.execute("ALTER TABLE " + shadow(table) + " SET SCHEMA " + quote(liveSchema));
            tableGrants.get(i).forEach(jdbc::execute);
        }
        for (View view : views) {
            jdbc.execute("CREATE VIEW " + view.name() + " AS " + view.definition());
            view.grants().forEach(jdbc::execute);
        }
    }

    /** The GRANT statements that give again what others than the owner hold on {@code qualified}. */
    private List<String> grants(String qualified) {
        String[] parts = qualified.split("\\.", 2);
        return jdbc.query(GRANTS, (rs, i) -> "GRANT " + rs.getString("privilege_type") + " ON " + qualified + " TO "
                        + ("PUBLIC".equals(rs.getString("grantee")) ? "PUBLIC" : quote(rs.getString("grantee"))),
                unquote(parts[0]), unquote(parts[1]));
    }

    private String live(String table) {
        return quote(liveSchema) + "." + table;
    }

    private static String shadow(ReadModel.Table table) {
        return SCHEMA + "." + table.name();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier;
    }
}
