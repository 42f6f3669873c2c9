package uk.placements.app.dashboard;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.placements.app.AppTest;
import uk.placements.app.QueryPlans;
import uk.placements.command.http.Api;
import uk.placements.query.dashboard.DashboardQueries;
import uk.placements.query.operations.ProjectionOperations;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The waiting list "as at" a date (issue 14) is read from the waiting periods' index, on H2 and on PostgreSQL, where
 * that index holds the referrals' periods alone (V177): the list counts the referrals waiting on the date, both
 * halves of its query are answered from that index, and on PostgreSQL the index cannot answer a question about
 * periods of any other status.
 */
class WaitingListIndexTest extends AppTest {

    private static final LocalDate REFERRED = LocalDate.of(2026, 9, 1);
    private static final LocalDate OFFERED = LocalDate.of(2026, 9, 10);

    @Autowired
    private ProjectionOperations operations;

    private final List<String> placements = new ArrayList<>();

    @BeforeEach
    void referralsSomeOfThemOffered() {
        String provision = api.commission(Api.newProvisionId("WAIT"), "SEN_UNIT", 10);
        for (int i = 0; i < 5; i++) {
            placements.add(api.refer(Api.newUpn()));
        }
        for (String placement : placements.subList(0, 3)) {
            assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        }
        ReadModels.awaitCaughtUp(jdbc, operations, Duration.ofSeconds(20));
    }

    @Test
    void theWaitingListCountsTheReferralsWaitingOnTheDate() {
        for (LocalDate date : List.of(REFERRED.minusDays(1), REFERRED, OFFERED.minusDays(1), OFFERED,
                OFFERED.plusYears(1))) {
            int waiting = jdbc.queryForList(sqlAt(date)).size();
            assertThat(waiting).as(date.toString()).isEqualTo(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM rm_placement_period WHERE status = 'REFERRED' AND valid_from <= ?
                        AND (valid_to IS NULL OR valid_to > ?)""", Integer.class, date, date));
        }
        assertThat(waitingOf(OFFERED.minusDays(1))).isEqualTo(5);
        assertThat(waitingOf(OFFERED)).isEqualTo(2);
    }

    @Test
    void bothHalvesOfTheWaitingListAreReadFromTheWaitingIndex() {
        if (QueryPlans.onPostgres(jdbc)) {
            jdbc.execute("ANALYZE rm_placement_period"); // the statistics autovacuum would have gathered by now
        }
        String plan = QueryPlans.plan(jdbc, "EXPLAIN", sqlAt(OFFERED.minusDays(1)), "enable_seqscan");
        assertThat(plan.toLowerCase().split("ix_rm_placement_period_waiting", -1)).as(plan).hasSize(3);
        assertThat(plan.toLowerCase()).as(plan).doesNotContain("seq scan").doesNotContain("tablescan");
    }

    @Test
    void onPostgresTheWaitingIndexHoldsTheReferralsPeriodsAlone() {
        assumeTrue(QueryPlans.onPostgres(jdbc), "H2 has no partial indexes");
        jdbc.execute("ANALYZE rm_placement_period");
        // the same question of the offers' periods: an index holding every period, status first, would answer it
        String offers = "SELECT valid_to, valid_from FROM rm_placement_period WHERE status = 'OFFERED'"
                + " AND valid_to IS NULL";
        String plan = QueryPlans.plan(jdbc, "EXPLAIN", offers, "enable_seqscan");
        assertThat(plan).as(plan).doesNotContain("ix_rm_placement_period_waiting");
        String referrals = offers.replace("'OFFERED'", "'REFERRED'");
        assertThat(QueryPlans.plan(jdbc, "EXPLAIN", referrals, "enable_seqscan"))
                .contains("ix_rm_placement_period_waiting");
    }

    /**
     * The index is sought by {@code valid_to}, not read whole: with twenty thousand referrals' periods closed long
     * before the date, each half of the list reads a few of its pages. (With the status as its first column, which the
     * partial index's predicate fixes, PostgreSQL did not seek by {@code valid_to} and read every page.)
     */
    @Test
    void onPostgresEachHalfSeeksTheWaitingIndexInsteadOfReadingItWhole() {
        assumeTrue(QueryPlans.onPostgres(jdbc), "H2 has no partial indexes");
        jdbc.update("""
                INSERT INTO rm_placement_period (placement_id, seq, valid_from, valid_to, status, year_group,
                    primary_need, ehcp_status, below_integration_band, outside_designated_need, over_capacity,
                    referred_on)
                SELECT 'LONG-AGO-' || n, 0, DATE '2011-09-01', DATE '2012-01-01' + n % 3650, 'REFERRED',
                    1 + n % 11, 'ASD', 'EHCP', FALSE, FALSE, FALSE, DATE '2011-09-01'
                FROM generate_series(1, 20000) AS n""");
        try {
            jdbc.execute("VACUUM ANALYZE rm_placement_period");
            long pages = jdbc.queryForObject("SELECT pg_relation_size('ix_rm_placement_period_waiting') / 8192",
                    Long.class);
            String plan = QueryPlans.plan(jdbc, "EXPLAIN (ANALYZE, BUFFERS)", sqlAt(OFFERED.minusDays(1)),
                    "enable_seqscan");
            Matcher scan = Pattern.compile(
                    "(?:Index Only Scan using|Index Scan using|Bitmap Index Scan on) ix_rm_placement_period_waiting"
                            + "[^\\n]*\\n(?:[^\\n]*\\n)*?"
                            + "\\s+Buffers: shared (?:hit=(\\d+))?(?: read=(\\d+))?").matcher(plan);
            int halves = 0;
            while (scan.find()) {
                halves++;
                long read = (scan.group(1) == null ? 0 : Long.parseLong(scan.group(1)))
                        + (scan.group(2) == null ? 0 : Long.parseLong(scan.group(2)));
                assertThat(read).as("pages read of %d: %s", pages, plan).isLessThan(Math.max(4, pages / 4));
            }
            assertThat(halves).as(plan).isEqualTo(2);
            assertThat(pages).as("the index holds the long-closed referrals").isGreaterThan(40);
        } finally {
            jdbc.update("DELETE FROM rm_placement_period WHERE placement_id LIKE 'LONG-AGO-%'");
        }
    }

    /** Of this test's own referrals, those the period table has waiting on {@code date}. */
    private int waitingOf(LocalDate date) {
        int waiting = 0;
        for (String placement : placements) {
            waiting += jdbc.queryForObject("""
                    SELECT COUNT(*) FROM rm_placement_period WHERE placement_id = ? AND status = 'REFERRED'
                        AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)""", Integer.class, placement,
                    date, date);
        }
        return waiting;
    }

    private static String sqlAt(LocalDate date) {
        return DashboardQueries.WAITING_AS_AT.replace(":asOf", "DATE '" + date + "'");
    }
}
