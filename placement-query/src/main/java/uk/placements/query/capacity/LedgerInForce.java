package uk.placements.query.capacity;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that says how a reader finds a provision's capacity-ledger row in force on a date: the row with
 * the greatest {@code effective_from} on or before it. It is read by one index seek per provision, however long the
 * provision's ledger. Every reader joins it from here: the dashboards, the provision view, the live
 * stream, capacity.csv, SCAP, the GIAS reconciliation and the place-change return. The reporting view
 * {@code report_capacity_now} asks the same (V180).
 * <p>
 * Each database needs its own form:
 * <ul>
 *   <li><b>PostgreSQL</b> takes a lateral join. It reads first the provision's latest row (rm_capacity_latest, one
 *       row per provision, V174), which is in force on any date on or after the provision's latest change: for a
 *       date near today, every provision. Only if that row is later than the date does it seek the ledger, backwards
 *       from the date (the {@code LIMIT 1} over both stops at the first that answers; the second is not run). At
 *       1,000,000 events the ledger's rows of a provision lie on pages of their own all over the table, and a seek per
 *       provision read a page of its key and one of its rows each. Given the row's date as a correlated subquery in
 *       the join, PostgreSQL hashed every ledger row of the history and ran the subquery once for each of them.</li>
 *   <li><b>H2</b> has no LATERAL, and runs a correlated subquery once per provision. The subquery must ask for the
 *       first row in the key's descending order, which H2 reads from the primary key backwards and stops after one
 *       row. Asked as {@code MAX(effective_from)} with the date as a condition, H2 read every row of the provision
 *       up to the date: the cost grew with the history.</li>
 * </ul>
 */
@Component
public class LedgerInForce {

    private final boolean lateral;

    public LedgerInForce(JdbcTemplate jdbc) {
        this.lateral = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName()));
    }

    /**
     * A join, to follow a FROM over provisions aliased {@code outer}, of each provision's row of
     * {@code rm_capacity_ledger} in force on {@code date} (an SQL expression of type DATE, which may be a parameter),
     * as {@code alias}, with every column of the ledger, vacancies and over-capacity among them (V178). An inner join
     * leaves out a provision with no row on or before the date; {@code keepAll} keeps it, with nulls. The date appears
     * once in the text, so a positional parameter is bound once.
     */
    public String join(String outer, String alias, String date, boolean keepAll) {
        if (lateral) {
            // the date named once (in_force_date.d), so that a positional parameter is bound once; the latest rows
            // have the ledger's columns in its order. The aliases inside are named so that no caller's can be taken
            // for them: "l" of the caller's read as the ledger's own alias would match every provision's rows.
            String seek = """
                    (SELECT in_force_row.* FROM (SELECT %2$s AS d) in_force_date CROSS JOIN LATERAL (
                        (SELECT * FROM rm_capacity_latest in_force_latest
                            WHERE in_force_latest.provision_id = %1$s.provision_id
                            AND in_force_latest.effective_from <= in_force_date.d)
                        UNION ALL
                        (SELECT * FROM rm_capacity_ledger in_force_ledger
                            WHERE in_force_ledger.provision_id = %1$s.provision_id
                            AND in_force_ledger.effective_from <= in_force_date.d
                            ORDER BY in_force_ledger.effective_from DESC LIMIT 1)
                        LIMIT 1) in_force_row) %3$s""".formatted(outer, date, alias);
            return keepAll ? "LEFT JOIN LATERAL " + seek + " ON TRUE" : "CROSS JOIN LATERAL " + seek;
        }
        return """
                %1$sJOIN rm_capacity_ledger %2$s ON %2$s.provision_id = %3$s.provision_id
                    AND %2$s.effective_from = (SELECT in_force_x.effective_from FROM rm_capacity_ledger in_force_x
                        WHERE in_force_x.provision_id = %3$s.provision_id AND in_force_x.effective_from <= %4$s
                        ORDER BY in_force_x.provision_id DESC, in_force_x.effective_from DESC
                        FETCH FIRST 1 ROW ONLY)"""
                .formatted(keepAll ? "LEFT " : "", alias, outer, date);
    }

    /** As {@link #join}, an inner join: each provision with a row on or before the date. */
    public String join(String outer, String alias, String date) {
        return join(outer, alias, date, false);
    }

    /**
     * Each provision's row of {@code rm_capacity_ledger} in force on {@code date}, as {@code c}, alone: {@code
     * columns} and {@code condition} name the ledger's columns as {@code c.*}, and the columns include {@code
     * c.provision_id}, by which the rows are ordered. No table of provisions is joined: a reader that needs their
     * names reads them apart and puts the two together by id ({@code CapacityReader}). Every provision with a ledger
     * row has its latest in {@code rm_capacity_latest}, so the query starts from there, in two parts, {@code UNION
     * ALL}: the provisions whose latest row is on or before the date, read from that row alone, then the others, each
     * with its ledger row found by one seek backwards from the date (on PostgreSQL a lateral join, on H2 as in {@link
     * #join}). A date near today, which the dashboards ask most (each change to the read models makes today's answer
     * anew), needs few seeks or none.
     * <ul>
     *   <li><b>PostgreSQL</b>, on the benchmark's database at 1,000,000 events (2,500 provisions, 417,000 ledger
     *       rows), timed by psql: 3.3 ms against 7.5 to 11.5 ms for {@link #join} from every latest row, which looked
     *       each provision's latest row up again by its key and took 4 ms to plan. In the product, the capacity
     *       dashboard's cold reads had waited 8.3 ms on average for that query (JFR, 200 reads).</li>
     *   <li><b>H2</b> joins a second table at a cost of its own for every row, and runs a correlated subquery once
     *       per row. Measured on the benchmark's H2 database at 100,000 events (2,500 provisions, 46,000 ledger rows):
     *       the two parts with each provision's name joined took 5.8 ms on dates after every provision's latest
     *       change, against 12.5 ms with each provision's row found by a seek; on dates within the history, where
     *       most provisions need the seek, 18.8 against 14.0 ms. Without the names joined, in one run on a loaded
     *       machine (the best of 30 dates each): 3.2 against 15.3 ms on recent dates (450 against 2,000 kB
     *       allocated), 18.9 against 33.6 ms within the history (6.0 against 9.8 MB). The provisions' names, read
     *       apart, took 0.2 ms: H2 keeps a query's last result while its table is unchanged.</li>
     * </ul>
     * The date appears more than once in the text: it must be a named parameter or a constant.
     */
    public String rowsInForce(String columns, String date, String condition) {
        String seek = lateral ? """
                CROSS JOIN LATERAL (SELECT * FROM rm_capacity_ledger in_force_ledger
                    WHERE in_force_ledger.provision_id = l.provision_id AND in_force_ledger.effective_from <= %s
                    ORDER BY in_force_ledger.effective_from DESC LIMIT 1) c""".formatted(date) : join("l", "c", date);
        return """
                SELECT %1$s FROM rm_capacity_latest c WHERE c.effective_from <= %2$s AND %3$s
                UNION ALL
                SELECT %1$s FROM rm_capacity_latest l
                """.formatted(columns, date, condition) + seek + """

                WHERE l.effective_from > %s AND %s ORDER BY provision_id""".formatted(date, condition);
    }
}
