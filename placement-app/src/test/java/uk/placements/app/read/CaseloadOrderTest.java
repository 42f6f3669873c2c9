package uk.placements.app.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.app.QueryPlans;
import uk.placements.command.http.Api;
import uk.placements.query.caseload.CaseloadQueries;
import uk.placements.shared.common.PlacementStatus;
import uk.placements.shared.placement.query.FindCaseload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseload page's orders (issue 14): every sort, ascending and descending, comes in its column's order and,
 * among equal values, in placement id order in the same direction; and each is read from an index in order, not
 * sorted, so that a page costs what the page holds. One index serves both directions of a sort (V168).
 */
class CaseloadOrderTest extends AppTest {

    /** Each sort of the page and how to read its value from an item of the answer. */
    private static final Map<String, Function<JsonNode, String>> SORTED_BY = Map.of(
            "referredOn", item -> item.get("referredOn").asText(),
            "familyName", item -> item.get("pupil").get("familyName").asText(),
            "status", item -> item.get("status").asText(),
            "yearGroup", item -> item.get("yearGroup").asText(),
            // as an instant, not as its text: ISO-8601 writes 0, 3, 6 or 9 digits of fraction, and "…:01.123Z"
            // sorts after "…:01.123400Z" as text though it is earlier
            "lastChanged", item -> inOrder(java.time.Instant.parse(item.get("lastChanged").asText())));

    /** An instant as text that sorts as the instants do (fixed width). */
    private static String inOrder(java.time.Instant instant) {
        return String.format("%020d%09d", instant.getEpochSecond(), instant.getNano());
    }

    @Test
    void everySortInBothDirectionsBreaksTiesByPlacementIdInTheSameDirection() {
        String provision = api.commission(Api.newProvisionId("ORDER"), "SEN_UNIT", 12);
        List<String> placements = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // two referral dates, two year groups and two family names: every sort meets ties
            String json = Api.referralJson(Api.newUpn(), 3 + i % 2, "ASD", "EHCP", "2026-09-0" + (1 + i / 4))
                    .replace("Hargreaves", i % 3 == 0 ? "Ashby" : "Hargreaves");
            placements.add(api.post("caseworker", "/api/placements", json).json().get("id").asText());
        }
        long lastVersion = 0;
        for (int i = 0; i < placements.size(); i++) {
            lastVersion = api.offer(placements.get(i), provision).json().get("version").asLong();
            if (i % 2 == 0) {
                api.post("caseworker", "/api/placements/" + placements.get(i) + "/admission",
                        "{\"admittedOn\":\"2026-09-20\",\"mainstreamPercent\":20}");
            }
        }
        assertThat(lastVersion).isEqualTo(1);
        eventually(() -> api.get("caseworker", "/api/placements?provisionId=" + provision + "&status=ADMITTED")
                .json().get("total").asLong() == 4
                && api.get("caseworker", "/api/placements?provisionId=" + provision + "&status=OFFERED")
                .json().get("total").asLong() == 4);

        for (String sort : FindCaseload.SORTS) {
            for (boolean descending : new boolean[]{false, true}) {
                String key = (descending ? "-" : "") + sort;
                List<JsonNode> items = new ArrayList<>();
                api.get("caseworker", "/api/placements?provisionId=" + provision + "&sort=" + key + "&size=50")
                        .json().get("items").forEach(items::add);
                Comparator<JsonNode> order = Comparator.comparing(SORTED_BY.get(sort))
                        .thenComparing(item -> item.get("id").asText());
                List<JsonNode> expected = new ArrayList<>(items);
                expected.sort(descending ? order.reversed() : order);

                assertThat(items).as(key).hasSize(8);
                assertThat(ids(items)).as(key).containsExactlyElementsOf(ids(expected));
            }
        }
    }

    @Test
    void everyOrderOfThePageIsReadFromAnIndexInOrder() {
        List<FindCaseload> pages = new ArrayList<>();
        for (String sort : FindCaseload.SORTS) {
            pages.add(page(null, null, sort));
            pages.add(page(null, null, "-" + sort));
        }
        // the default order within one status and within one provision, from the index that leads with it
        pages.add(page(PlacementStatus.REFERRED, null, null));
        pages.add(page(null, "RB-0001", null));

        for (FindCaseload page : pages) {
            String where = page.status() != null ? " WHERE p.status = 'REFERRED'"
                    : page.provisionId() != null ? " WHERE p.provision_id = 'RB-0001'" : "";
            String sql = "SELECT p.placement_id FROM rm_placement p" + where + " ORDER BY "
                    + CaseloadQueries.orderBy(page) + " OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY";
            String plan = plan(sql);
            if (postgres()) {
                // with sorting priced out, a plan still sorts only when no index gives the order
                assertThat(plan).as(sql).doesNotContain("Sort");
            } else {
                assertThat(plan).as(sql).contains("/* index sorted */");
            }
        }
    }

    private static FindCaseload page(PlacementStatus status, String provisionId, String sort) {
        return new FindCaseload(status, provisionId, null, null, null, null, sort, 0, 50);
    }

    protected boolean postgres() {
        return QueryPlans.onPostgres(jdbc);
    }

    /** The query's plan as the database explains it; on PostgreSQL with sorting disabled on that connection. */
    private String plan(String sql) {
        return QueryPlans.plan(jdbc, "EXPLAIN", sql, "enable_sort");
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.get("id").asText()).toList();
    }
}
