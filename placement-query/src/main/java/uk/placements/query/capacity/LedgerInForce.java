package uk.placements.query.capacity;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that says how a reader finds a provision's capacity-ledger row in force on a date: the row with
 * the greatest {@code effective_from} on or before it. It is read by one index seek per provision, however long the
 * provision's ledger. Every reader joins it from here: the dashboards, the provision view, the live
 * stream, capacity.csv, SCAP, the GIAS reconciliation and the place-change return. The reporting view
 * {@code report_capacity_now} asks the same (V179).
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
            // the date named once (p.d), so that a positional parameter is bound once; the latest rows have the
            // ledger's columns in its order
            String seek = """
                    (SELECT f.* FROM (SELECT %2$s AS d) p CROSS JOIN LATERAL (
                        (SELECT * FROM rm_capacity_latest n WHERE n.provision_id = %1$s.provision_id
                            AND n.effective_from <= p.d)
                        UNION ALL
                        (SELECT * FROM rm_capacity_ledger l WHERE l.provision_id = %1$s.provision_id
                            AND l.effective_from <= p.d ORDER BY l.effective_from DESC LIMIT 1)
                        LIMIT 1) f) %3$s""".formatted(outer, date, alias);
            return keepAll ? "LEFT JOIN LATERAL " + seek + " ON TRUE" : "CROSS JOIN LATERAL " + seek;
        }
        return """
                %1$sJOIN rm_capacity_ledger %2$s ON %2$s.provision_id = %3$s.provision_id
                    AND %2$s.effective_from = (SELECT x.effective_from FROM rm_capacity_ledger x
                        WHERE x.provision_id = %3$s.provision_id AND x.effective_from <= %4$s
                        ORDER BY x.provision_id DESC, x.effective_from DESC FETCH FIRST 1 ROW ONLY)"""
                .formatted(keepAll ? "LEFT " : "", alias, outer, date);
    }

    /** As {@link #join}, an inner join: each provision with a row on or before the date. */
    public String join(String outer, String alias, String date) {
        return join(outer, alias, date, false);
    }

    /**
     * A whole query over provisions and each one's row of {@code rm_capacity_ledger} in force on {@code date}, as
     * {@code alias}: {@code head} is {@code SELECT ... FROM <provisions> outer}, {@code tail} what follows the join
     * ({@code WHERE ...}, without an order: the caller orders by the names of the columns it selects).
     * <ul>
     *   <li><b>PostgreSQL</b>: {@code head}, {@link #join}, {@code tail}.</li>
     *   <li><b>H2</b>: the query twice, {@code UNION ALL}: the provisions whose latest row is on or before the date,
     *       read from that row ({@code rm_capacity_latest}, one row per provision), then the others, each with its
     *       ledger row found by one seek as in {@link #join}. H2 joins a second table at a cost of its own for every
     *       provision. Measured on the benchmark's H2 database at 100,000 events (2,500 provisions, 46,000 ledger
     *       rows), the inclusion figures of every provision: on a date after every provision's latest change (today
     *       and the days before it, which the dashboards ask most: each change to the read models makes today's
     *       answer anew) 12.5 ms by a seek each, 5.8 ms by the union; on dates within the history, where most
     *       provisions need the seek, 14.0 against 18.8 ms (the best of 31 dates each).</li>
     * </ul>
     * The date appears more than once in H2's text: it must be a named parameter or a constant.
     */
    public String selectInForce(String head, String outer, String alias, String date, String tail) {
        if (lateral) {
            return head + "\n" + join(outer, alias, date) + "\n" + tail;
        }
        String latest = alias + "_latest";
        return head + """

                JOIN rm_capacity_latest %3$s ON %3$s.provision_id = %1$s.provision_id AND %3$s.effective_from <= %2$s
                """.formatted(outer, date, alias) + tail + "\nUNION ALL\n" + head + """

                JOIN rm_capacity_latest %4$s ON %4$s.provision_id = %1$s.provision_id AND %4$s.effective_from > %2$s
                """.formatted(outer, date, alias, latest) + join(latest, alias, date) + "\n"
                + tail;
    }
}
