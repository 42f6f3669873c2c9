package uk.placements.app.candidates;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offers that fit (issue 17, point 5): for a referred pupil, every provision with the rules an offer there would
 * break. The blockers are those the aggregates refuse the offer with: each candidate is then offered for real (a
 * fresh referral of the same pupil profile each time) and the offer is accepted exactly when the candidate was
 * eligible, or refused with its first blocker's rule.
 */
class CandidatesApiTest extends AppTest {

    private static final String YEAR3_ASD = "\"ASD\"";

    /** Provisions each made to break one rule for a year-3 pupil with autism and an EHC plan, and one that fits. */
    private Map<String, String> provisions() {
        Map<String, String> byCase = new HashMap<>();
        byCase.put("fits", commission("RESOURCE_BASE", 0, 6, YEAR3_ASD, 3));
        byCase.put("R-YEAR", commission("RESOURCE_BASE", 7, 11, YEAR3_ASD, 3));
        byCase.put("R-NEED", commission("SEN_UNIT", 0, 6, "\"HI\"", 3));
        String full = commission("SEN_UNIT", 0, 6, YEAR3_ASD, 1);
        String other = api.refer(Api.newUpn());
        assertThat(api.offer(other, full).status()).isEqualTo(200);
        byCase.put("R-CAPACITY", full);
        String closed = commission("RESOURCE_BASE", 0, 6, YEAR3_ASD, 2);
        assertThat(api.post("provision-admin", "/api/provisions/" + closed + "/close",
                "{\"closedOn\":\"2026-09-01\",\"reason\":\"merged\"}").status()).isEqualTo(200);
        byCase.put("R-PROVISION-OPEN", closed);
        return byCase;
    }

    private String commission(String type, int lowest, int highest, String needs, int places) {
        String id = Api.newProvisionId("CAND");
        Api.Answer a = api.post("provision-admin", "/api/provisions",
                Api.provisionJson(id, type, lowest, highest, needs, places));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return id;
    }

    private JsonNode candidate(JsonNode answer, String provisionId) {
        for (JsonNode c : answer.get("candidates")) {
            if (c.get("provisionId").asText().equals(provisionId)) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + provisionId);
    }

    private static List<String> rules(JsonNode candidate) {
        List<String> rules = new ArrayList<>();
        candidate.get("blockers").forEach(b -> rules.add(b.get("rule").asText()));
        return rules;
    }

    @Test
    void eachProvisionIsListedWithTheRulesAnOfferThereWouldBreakEligibleFirst() {
        Map<String, String> provisions = provisions();
        String pupil = api.refer(Api.newUpn());
        // the read models have caught up with the provisions, the offer and the closing
        eventually(() -> {
            JsonNode now = api.get("caseworker", "/api/placements/" + pupil + "/candidates?offeredOn=2026-09-10")
                    .json();
            try {
                return candidate(now, provisions.get("fits")).get("vacancies").asInt() == 3
                        && rules(candidate(now, provisions.get("R-CAPACITY"))).contains("R-CAPACITY")
                        && rules(candidate(now, provisions.get("R-PROVISION-OPEN"))).contains("R-PROVISION-OPEN");
            } catch (AssertionError notYet) {
                return false;
            }
        });
        Api.Answer answer = api.get("caseworker", "/api/placements/" + pupil + "/candidates?offeredOn=2026-09-10");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();

        JsonNode fits = candidate(json, provisions.get("fits"));
        assertThat(fits.get("eligible").asBoolean()).isTrue();
        assertThat(fits.get("blockers")).isEmpty();
        assertThat(fits.get("vacancies").asInt()).isEqualTo(3);
        for (String rule : List.of("R-YEAR", "R-NEED", "R-CAPACITY", "R-PROVISION-OPEN")) {
            JsonNode c = candidate(json, provisions.get(rule));
            assertThat(rules(c)).as(rule).containsExactly(rule);
            assertThat(c.get("eligible").asBoolean()).isFalse();
            assertThat(c.get("overridable").asBoolean()).as(rule)
                    .isEqualTo(rule.equals("R-NEED") || rule.equals("R-CAPACITY"));
        }
        assertThat(candidate(json, provisions.get("R-NEED")).get("outsideDesignatedNeed").asBoolean()).isTrue();
        assertThat(candidate(json, provisions.get("R-PROVISION-OPEN")).get("vacancies").isNull()).isTrue();
        // eligible first, then those an override allows, then the rest
        List<Integer> order = new ArrayList<>();
        json.get("candidates").forEach(c -> order.add(c.get("eligible").asBoolean() ? 0
                : c.get("overridable").asBoolean() ? 1 : 2));
        assertThat(order).isSorted();
        assertThat(json.get("eligible").asInt()).isEqualTo((int) order.stream().filter(o -> o == 0).count());

        // the aggregates agree: an offer succeeds exactly where no rule blocks it, else refused by the first
        for (String provision : provisions.values()) {
            JsonNode c = candidate(json, provision);
            String fresh = api.refer(Api.newUpn());
            Api.Answer offer = api.offer(fresh, provision);
            if (c.get("eligible").asBoolean()) {
                assertThat(offer.status()).as(offer.body()).isEqualTo(200);
            } else {
                assertThat(offer.rule()).as(offer.body()).isEqualTo(rules(c).get(0));
            }
        }
    }

    @Test
    void aPupilWithoutAnEhcPlanIsBlockedEverywhereByREhcp() {
        String fitsOtherwise = commission("RESOURCE_BASE", 0, 6, YEAR3_ASD, 3);
        String noPlan = api.post("caseworker", "/api/placements",
                Api.referralJson(Api.newUpn(), 3, "ASD", "NONE", "2026-09-01")).json().get("id").asText();
        eventually(() -> api.get("caseworker", "/api/placements/" + noPlan + "/candidates").body()
                .contains(fitsOtherwise));
        JsonNode json = api.get("caseworker", "/api/placements/" + noPlan + "/candidates").json();
        assertThat(rules(candidate(json, fitsOtherwise))).containsExactly("R-EHCP");
        assertThat(json.get("eligible").asInt()).isZero();
        assertThat(json.get("candidates")).isNotEmpty().allSatisfy(c -> {
            assertThat(rules(c)).contains("R-EHCP");
            assertThat(c.get("overridable").asBoolean()).isFalse();
        });
    }

    @Test
    void onlyAReferredPlacementHasCandidatesAndBadInputIsAProblem() {
        String provision = commission("RESOURCE_BASE", 0, 6, YEAR3_ASD, 3);
        String offered = api.refer(Api.newUpn());
        assertThat(api.offer(offered, provision).status()).isEqualTo(200);
        Api.Answer notReferred = api.get("caseworker", "/api/placements/" + offered + "/candidates");
        assertThat(notReferred.status()).isEqualTo(409);
        assertThat(notReferred.rule()).isEqualTo("R-STATE");
        assertThat(api.get("caseworker", "/api/placements/" + java.util.UUID.randomUUID() + "/candidates")
                .status()).isEqualTo(404);
        assertThat(api.get("caseworker", "/api/placements/" + offered + "/candidates?offeredOn=soon").status())
                .isEqualTo(400);
    }
}
