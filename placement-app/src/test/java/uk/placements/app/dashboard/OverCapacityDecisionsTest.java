package uk.placements.app.dashboard;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.placements.app.AppTest;
import uk.placements.app.QueryPlans;
import uk.placements.command.http.Api;
import uk.placements.query.dashboard.CapacityReader;
import uk.placements.query.operations.ProjectionOperations;
import uk.placements.shared.dashboard.ProvisionCapacity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The over-capacity decisions the capacity dashboard shows "as at" a date (issue 14): those of the placements
 * holding a place over capacity on that date, and no other; read from the decisions' own index by the day each
 * place was released, not found among the provision's earlier decisions or through the placements' periods.
 */
class OverCapacityDecisionsTest extends AppTest {

    /** Offers over capacity, each withdrawn the next day, before the one still in force. */
    private static final int WITHDRAWN = 12;
    private static final LocalDate FIRST_OFFER = LocalDate.of(2026, 9, 11);
    private static final LocalDate LAST_OFFER = FIRST_OFFER.plusDays(2 * WITHDRAWN);

    @Autowired
    private CapacityReader capacity;
    @Autowired
    private ProjectionOperations operations;

    private String provision;
    private final List<String> overCapacity = new ArrayList<>();

    @BeforeEach
    void aProvisionWithManyDecisionsOutOfForceAndOneInForce() {
        provision = api.commission(Api.newProvisionId("DECIDE"), "SEN_UNIT", 1);
        assertThat(api.offer(api.refer(Api.newUpn()), provision).status()).isEqualTo(200);
        for (int i = 0; i <= WITHDRAWN; i++) {
            LocalDate offeredOn = FIRST_OFFER.plusDays(2L * i);
            String placement = api.refer(Api.newUpn());
            Api.Answer offer = api.post("caseworker", "/api/placements/" + placement + "/offer", """
                    {"provisionId":"%s","offeredOn":"%s","overCapacityDecision":
                     {"reason":"Named in the plan","decidedBy":"Head of SEN"}}""".formatted(provision, offeredOn));
            assertThat(offer.status()).as(offer.body()).isEqualTo(200);
            if (i < WITHDRAWN) {
                Api.Answer withdrawn = api.post("caseworker", "/api/placements/" + placement + "/offer/withdraw",
                        "{\"on\":\"%s\",\"reason\":\"Parent chose another school\"}".formatted(offeredOn.plusDays(1)));
                assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
            }
            overCapacity.add(placement);
        }
        ReadModels.awaitCaughtUp(jdbc, operations, Duration.ofSeconds(20));
    }

    @Test
    void theDecisionsShownAreThoseOfThePlacementsHoldingAPlaceOverCapacityOnTheDate() {
        for (int i = 0; i <= WITHDRAWN; i++) {
            LocalDate offeredOn = FIRST_OFFER.plusDays(2L * i);
            assertThat(decisionsOn(offeredOn)).as(offeredOn.toString()).containsExactly(overCapacity.get(i));
            List<String> nextDay = decisionsOn(offeredOn.plusDays(1));
            if (i < WITHDRAWN) {
                assertThat(nextDay).as("withdrawn on " + offeredOn.plusDays(1)).isEmpty();
            } else {
                assertThat(nextDay).as(offeredOn.plusDays(1).toString()).containsExactly(overCapacity.get(i));
            }
        }
        assertThat(decisionsOn(FIRST_OFFER.minusDays(1))).isEmpty();
        assertThat(decisionsOn(LAST_OFFER.plusYears(1))).containsExactly(overCapacity.get(WITHDRAWN));
    }

    @Test
    void theDecisionsInForceAreReadFromTheirOwnIndexNotAmongEarlierDecisionsOrThePeriods() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rm_over_capacity_decision WHERE provision_id = ?",
                Integer.class, provision)).isEqualTo(WITHDRAWN + 1);
        // the whole authority's, as the dashboard asks (this provision's one decision in force among them)
        String sql = CapacityReader.DECISIONS_AS_AT.formatted("").replace(":asOf", "DATE '" + LAST_OFFER + "'");
        int inForce = jdbc.queryForList(sql).size();
        assertThat(inForce).isPositive();
        if (QueryPlans.onPostgres(jdbc)) {
            // the statistics autovacuum would have gathered by now
            jdbc.execute("ANALYZE rm_over_capacity_decision");
        }
        String plan = QueryPlans.plan(jdbc, "EXPLAIN ANALYZE", sql, "enable_seqscan");
        assertThat(plan.toLowerCase()).as(plan).doesNotContain("rm_placement_period")
                .contains("ix_rm_over_capacity_decision_held");
        int read = 0;
        if (QueryPlans.onPostgres(jdbc)) {
            // each half's rows as read from the index: the decisions in force, not the withdrawn ones before them
            Matcher scan = Pattern.compile("Index (?:Only )?Scan using ix_rm_over_capacity_decision_held on "
                    + "rm_over_capacity_decision .*actual time=\\S+ rows=(\\d+)").matcher(plan);
            while (scan.find()) {
                read += Integer.parseInt(scan.group(1));
            }
            assertThat(read).as(plan).isEqualTo(inForce);
        } else {
            // H2 counts the rows each half read, and one more at the end of its range
            Matcher scan = Pattern.compile("IX_RM_OVER_CAPACITY_DECISION_HELD[^/]*\\*/(?:\\s+/\\*[^/]*\\*/)?"
                    + "\\s+/\\* scanCount: (\\d+) \\*/").matcher(plan);
            int halves = 0;
            while (scan.find()) {
                halves++;
                read += Integer.parseInt(scan.group(1));
            }
            assertThat(halves).as(plan).isEqualTo(2);
            assertThat(read).as(plan).isLessThanOrEqualTo(inForce + 2);
        }
    }

    private List<String> decisionsOn(LocalDate date) {
        ProvisionCapacity row = capacity.asAt(date, provision);
        return row == null ? List.of() : row.overCapacityDecisions().stream()
                .map(ProvisionCapacity.Decision::placementId).toList();
    }
}
