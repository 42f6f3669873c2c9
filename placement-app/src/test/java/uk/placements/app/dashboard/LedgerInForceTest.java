package uk.placements.app.dashboard;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.placements.app.AppTest;
import uk.placements.app.QueryPlans;
import uk.placements.command.http.Api;
import uk.placements.query.capacity.LedgerInForce;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capacity ledger's row in force on a date ({@link LedgerInForce}), as every capacity reader joins it (issue 14):
 * it is the row with the greatest effective_from on or before the date, for dates before, on, between and after a
 * provision's changes; and it is read by one seek of the ledger's key per provision, however many rows the provision
 * has before the date.
 */
class LedgerInForceTest extends AppTest {

    /** Monthly changes of places, so that the provision's ledger has a row for each. */
    private static final int CHANGES = 24;
    private static final LocalDate FIRST_CHANGE = LocalDate.of(2024, 10, 1);

    @Autowired
    private LedgerInForce inForce;

    private String provision;

    @BeforeEach
    void aProvisionWithALongLedger() {
        provision = api.commission(Api.newProvisionId("LEDGER"), "SEN_UNIT", 6);
        for (int i = 0; i < CHANGES; i++) {
            String json = "{\"commissionedPlaces\":%d,\"effectiveFrom\":\"%s\",\"reason\":\"Agreed at panel\"}"
                    .formatted(7 + i % 5, FIRST_CHANGE.plusMonths(i));
            assertThat(api.put("provision-admin", "/api/provisions/" + provision + "/places", json).status())
                    .isEqualTo(200);
        }
        eventually(() -> ledger().size() > CHANGES);
    }

    @Test
    void theRowInForceIsTheLatestOnOrBeforeTheDateBeforeOnBetweenAndAfterTheChanges() {
        TreeMap<LocalDate, Integer> ledger = ledger();
        List<LocalDate> dates = new ArrayList<>(List.of(LocalDate.of(2024, 8, 31), LocalDate.of(2030, 1, 1)));
        for (LocalDate from : ledger.keySet()) {
            dates.addAll(List.of(from.minusDays(1), from, from.plusDays(1)));
        }
        for (LocalDate date : dates) {
            Map.Entry<LocalDate, Integer> expected = ledger.floorEntry(date);
            for (boolean keepAll : new boolean[] {false, true}) {
                Map<String, Integer> places = placesOn(date, keepAll);
                if (expected != null) {
                    assertThat(places).as(date + (keepAll ? " (kept)" : "")).containsEntry(provision,
                            expected.getValue());
                } else if (keepAll) {
                    assertThat(places).as(date + " (kept)").containsEntry(provision, null);
                } else {
                    assertThat(places).as(date.toString()).doesNotContainKey(provision);
                }
            }
        }
    }

    @Test
    void eachProvisionsRowIsReadByOneSeekHoweverManyRowsItHasBeforeTheDate() {
        LocalDate date = FIRST_CHANGE.plusMonths(CHANGES + 1);
        assertThat(ledger().headMap(date, true)).hasSizeGreaterThan(CHANGES);
        String plan = plan(sqlOn(date));
        if (postgres()) {
            // on or after the provision's latest change: its latest row answers, one row by the key of
            // rm_capacity_latest; the ledger is not read at all
            Matcher latest = Pattern.compile("Index Scan using \\S+ on rm_capacity_latest .*actual time=\\S+ "
                    + "rows=(\\d+)").matcher(plan);
            assertThat(latest.find()).as(plan).isTrue();
            assertThat(latest.group(1)).as(plan).isEqualTo("1");
            assertThat(plan).as(plan).doesNotContain("Hash")
                    .containsPattern("Index Scan Backward using \\S+ on rm_capacity_ledger .*\\(never executed\\)");
        } else {
            // H2 reports the rows each part of the plan read: the subquery reads one index entry, not the
            // provision's every earlier row
            assertThat(plan).as(plan).contains("/* index sorted */");
            Matcher subquery = Pattern.compile("FROM \"?PUBLIC\"?\\.\"?RM_CAPACITY_LEDGER\"? \"?IN_FORCE_X\"?\\s+/\\*[^*]*\\*/"
                    + "\\s+/\\* scanCount: (\\d+) \\*/").matcher(plan);
            int subqueries = 0;
            while (subquery.find()) {
                subqueries++;
                assertThat(Integer.parseInt(subquery.group(1))).as(plan).isEqualTo(1);
            }
            assertThat(subqueries).as(plan).isPositive();
        }
    }

    /** PostgreSQL: a date before the provision's latest change reads the ledger, one row from its key backwards. */
    @Test
    void aDateBeforeTheLatestChangeSeeksTheLedgerOnce() {
        LocalDate date = FIRST_CHANGE.plusMonths(CHANGES / 2).plusDays(3);
        assertThat(ledger().headMap(date, true)).hasSizeGreaterThan(CHANGES / 2);
        String plan = plan(sqlOn(date));
        if (postgres()) {
            Matcher scan = Pattern.compile("Index Scan Backward using \\S+ on rm_capacity_ledger .*actual time=\\S+ "
                    + "rows=(\\d+)").matcher(plan);
            assertThat(scan.find()).as(plan).isTrue();
            assertThat(scan.group(1)).as(plan).isEqualTo("1");
            assertThat(plan).as(plan).doesNotContain("Hash");
        }
        assertThat(placesOn(date, false)).containsEntry(provision, ledger().floorEntry(date).getValue());
    }

    /**
     * rm_capacity_latest holds each provision's last ledger row, column for column, also after a change back-dated
     * before the latest (a place change, which adds a row in the past) and an admission back-dated before it, which
     * changes every later row, the latest too.
     */
    @Test
    void theLatestRowsAreEachProvisionsLastLedgerRowAfterBackDatedChanges() {
        // the latest change after the admission below, so that the admission is back-dated before it
        String places = "{\"commissionedPlaces\":%d,\"effectiveFrom\":\"%s\",\"reason\":\"Agreed at panel\"}";
        assertThat(api.put("provision-admin", "/api/provisions/" + provision + "/places",
                places.formatted(14, LocalDate.of(2026, 11, 1))).status()).isEqualTo(200);
        assertThat(api.put("provision-admin", "/api/provisions/" + provision + "/places",
                places.formatted(13, FIRST_CHANGE.plusMonths(3).plusDays(5))).status()).isEqualTo(200);
        String placement = api.refer(Api.newUpn());
        api.offer(placement, provision);
        assertThat(api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-20\",\"mainstreamPercent\":40,\"reason\":\"settling in\"}").status())
                .isEqualTo(200);
        eventually(() -> lastLedgerRows().get(provision) != null
                && lastLedgerRows().get(provision).get("effective_from").toString().equals("2026-11-01")
                && ((Number) lastLedgerRows().get(provision).get("on_roll")).intValue() == 1);

        eventually(() -> lastLedgerRows().equals(latestRows()));
        assertThat(latestRows()).isEqualTo(lastLedgerRows()).containsKey(provision);
    }

    /** Each provision's last row of rm_capacity_ledger, every column by its lower-case name. */
    private Map<String, Map<String, Object>> lastLedgerRows() {
        Map<String, Map<String, Object>> last = new HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList(
                "SELECT * FROM rm_capacity_ledger ORDER BY provision_id, effective_from")) {
            Map<String, Object> named = lowerCase(row);
            last.put((String) named.get("provision_id"), named);
        }
        return last;
    }

    /** Each row of rm_capacity_latest, every column by its lower-case name. */
    private Map<String, Map<String, Object>> latestRows() {
        Map<String, Map<String, Object>> latest = new HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM rm_capacity_latest")) {
            Map<String, Object> named = lowerCase(row);
            latest.put((String) named.get("provision_id"), named);
        }
        return latest;
    }

    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        Map<String, Object> named = new HashMap<>();
        row.forEach((column, value) -> named.put(column.toLowerCase(java.util.Locale.ROOT), value));
        return named;
    }

    /** The reader's join for the test's provision on {@code date}. */
    private String sqlOn(LocalDate date) {
        return "SELECT pr.provision_id, c.commissioned_places FROM rm_provision pr\n"
                + inForce.join("pr", "c", "DATE '" + date + "'")
                + "\nWHERE pr.provision_id = '" + provision + "'";
    }

    /** The provision's ledger as stored: commissioned places by effective_from. */
    private TreeMap<LocalDate, Integer> ledger() {
        TreeMap<LocalDate, Integer> rows = new TreeMap<>();
        jdbc.query("SELECT effective_from, commissioned_places FROM rm_capacity_ledger WHERE provision_id = ?",
                rs -> {
                    rows.put(rs.getDate(1).toLocalDate(), rs.getInt(2));
                }, provision);
        return rows;
    }

    /** Commissioned places of the row in force on {@code date}, by provision, as {@link LedgerInForce} joins it. */
    private Map<String, Integer> placesOn(LocalDate date, boolean keepAll) {
        Map<String, Integer> places = new HashMap<>();
        jdbc.query("SELECT pr.provision_id, c.commissioned_places FROM rm_provision pr\n"
                + inForce.join("pr", "c", "CAST(? AS DATE)", keepAll), rs -> {
                    places.put(rs.getString(1), (Integer) rs.getObject(2));
                }, Date.valueOf(date));
        return places;
    }

    protected boolean postgres() {
        return QueryPlans.onPostgres(jdbc);
    }

    /** The plan as run: H2's EXPLAIN ANALYZE; PostgreSQL's with sequential scans priced out on the connection. */
    private String plan(String sql) {
        return QueryPlans.plan(jdbc, "EXPLAIN ANALYZE", sql, "enable_seqscan");
    }
}
