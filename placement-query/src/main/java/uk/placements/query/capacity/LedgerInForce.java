package uk.placements.query.capacity;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place that says how a reader finds a provision's capacity-ledger row in force on a date: the row with
 * the greatest {@code effective_from} on or before it. It is read by one backward index seek per provision, however
 * long the provision's ledger. Every reader joins it from here: the dashboards, the provision view, the live
 * stream, capacity.csv, SCAP, the GIAS reconciliation and the place-change return. The reporting view
 * {@code report_capacity_now} asks the same (V165 on PostgreSQL, V170 on H2).
 * <p>
 * Each database needs its own form:
 * <ul>
 *   <li><b>PostgreSQL</b> takes a lateral join. Given the row's date as a correlated subquery in the join, it hashed
 *       every ledger row of the history and ran the subquery once for each of them.</li>
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
     * A join, to follow a FROM over provisions aliased {@code outer}, of each provision's row in force on
     * {@code date} (an SQL expression of type DATE, which may be a parameter), as {@code alias}, from {@code ledger}:
     * {@code rm_capacity_ledger} or its view {@code report_capacity_ledger}, which shows every row of the table keyed
     * alike. An inner join leaves out a provision with no row on or before the date; {@code keepAll} keeps it, with
     * nulls. The date appears once in the text, so a positional parameter is bound once.
     */
    public String join(String outer, String ledger, String alias, String date, boolean keepAll) {
        if (lateral) {
            String seek = """
                    (SELECT * FROM %s l WHERE l.provision_id = %s.provision_id AND l.effective_from <= %s
                        ORDER BY l.effective_from DESC LIMIT 1) %s""".formatted(ledger, outer, date, alias);
            return keepAll ? "LEFT JOIN LATERAL " + seek + " ON TRUE" : "CROSS JOIN LATERAL " + seek;
        }
        return """
                %sJOIN %s %s ON %s.provision_id = %s.provision_id
                    AND %s.effective_from = (SELECT x.effective_from FROM rm_capacity_ledger x
                        WHERE x.provision_id = %s.provision_id AND x.effective_from <= %s
                        ORDER BY x.provision_id DESC, x.effective_from DESC FETCH FIRST 1 ROW ONLY)"""
                .formatted(keepAll ? "LEFT " : "", ledger, alias, alias, outer, alias, outer, date);
    }

    /** As {@link #join}, an inner join: each provision with a row on or before the date. */
    public String join(String outer, String ledger, String alias, String date) {
        return join(outer, ledger, alias, date, false);
    }
}
