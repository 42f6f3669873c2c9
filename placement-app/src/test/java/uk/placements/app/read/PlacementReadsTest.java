package uk.placements.app.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;
import uk.placements.query.caseload.PlacementTimeline;
import uk.placements.shared.placement.query.PlacementView;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The caseworker's reads: one placement with its timeline, read-your-writes, ETags, the caseload, and roles. */
class PlacementReadsTest extends AppTest {

    @Autowired
    private PlacementTimeline timelines;

    @Test
    void aPlacementReadWithMinVersionShowsTheWriteJustMadeWithItsTimelineAndEtag() {
        String provision = api.commission(Api.newProvisionId("READ"), "RESOURCE_BASE", 4);
        String upn = Api.newUpn();
        String placement = api.refer(upn);
        api.offer(placement, provision);
        long version = api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-20\",\"mainstreamPercent\":40,\"reason\":\"settling in\"}")
                .json().get("version").asLong();

        Api.Answer read = api.get("caseworker", "/api/placements/" + placement + "?minVersion=" + version);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(read.header("X-Stale")).isNull();
        JsonNode body = read.json();
        assertThat(body.get("version").asLong()).isEqualTo(version);
        assertThat(body.get("status").asText()).isEqualTo("ADMITTED");
        assertThat(body.get("pupil").get("upn").asText()).isEqualTo(upn);
        assertThat(body.get("pupil").get("familyName").asText()).isEqualTo("Hargreaves");
        assertThat(body.get("provision").get("id").asText()).isEqualTo(provision);
        assertThat(body.get("mainstreamPercent").asInt()).isEqualTo(40);
        assertThat(body.get("belowIntegrationBand").asBoolean()).isTrue();
        assertThat(body.get("admittedOn").asText()).isEqualTo("2026-09-20");
        JsonNode timeline = body.get("timeline");
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(0).get("type").asText()).isEqualTo("PupilReferred");
        assertThat(timeline.get(1).get("on").asText()).isEqualTo("2026-09-10");
        assertThat(timeline.get(2).get("by").asText()).isEqualTo("caseworker");
        assertThat(timeline.get(2).get("recordedAt").asText()).endsWith("Z");
    }

    /**
     * The timeline is read from the placement's events, each entry described from its event, and only up to the
     * version the row has folded: a read never shows an event its row does not.
     */
    @Test
    void theTimelineComesFromThePlacementsEventsUpToTheRowsVersion() {
        String provision = api.commission(Api.newProvisionId("TIME"), "SEN_UNIT", 4);
        String placement = api.refer(Api.newUpn());
        api.offer(placement, provision);
        long version = api.post("caseworker", "/api/placements/" + placement + "/offer/decline",
                "{\"on\":\"2026-09-15\",\"reason\":\"family chose another school\"}").json().get("version").asLong();
        JsonNode read = api.get("caseworker", "/api/placements/" + placement + "?minVersion=" + version).json();

        List<PlacementView.TimelineEntry> upToTheOffer = timelines.upTo(placement, 1);
        List<PlacementView.TimelineEntry> whole = timelines.upTo(placement, version);

        assertThat(upToTheOffer).extracting(PlacementView.TimelineEntry::type)
                .containsExactly("PupilReferred", "PlaceOffered");
        assertThat(whole).extracting(PlacementView.TimelineEntry::sequence).containsExactly(0L, 1L, 2L);
        assertThat(whole.get(1).detail()).isEqualTo("offered a place at " + provision);
        assertThat(whole.get(2).detail()).startsWith("offer at " + provision + " declined: ");
        assertThat(read.get("timeline")).hasSize(3);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(read.get("timeline").get(i).get("detail").asText()).isEqualTo(whole.get(i).detail());
            assertThat(read.get("timeline").get(i).get("by").asText()).isEqualTo("caseworker");
        }
    }

    @Test
    void aMatchingIfNoneMatchIs304AndAMinVersionNotReachedAnswersStale() {
        String placement = api.refer(Api.newUpn());
        Api.Answer first = api.get("caseworker", "/api/placements/" + placement + "?minVersion=0");

        Api.Answer unchanged = api.get("caseworker", "/api/placements/" + placement, "If-None-Match",
                first.header("ETag"));
        Api.Answer stale = api.get("caseworker", "/api/placements/" + placement + "?minVersion=7");

        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.header("X-Stale")).isEqualTo("true");
        assertThat(stale.json().get("version").asLong()).isZero();
    }

    @Test
    void unknownPlacementIs404() {
        Api.Answer answer = api.get("caseworker", "/api/placements/00000000-0000-0000-0000-000000000000");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void caseloadFiltersSearchesAndPages() {
        String provision = api.commission(Api.newProvisionId("CASE"), "SEN_UNIT", 10);
        List<String> placements = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placements.add(api.refer(Api.newUpn()));
        }
        String searchedUpn = Api.newUpn();
        String named = api.post("caseworker", "/api/placements", """
                {"pupil":{"upn":"%s","givenName":"Ximena","familyName":"Oyelaran-Quist","dateOfBirth":"2015-01-02"},
                 "yearGroup":5,"primaryNeed":"SEMH","ehcpStatus":"ASSESSMENT","homeSchoolUrn":"400004",
                 "referredOn":"2026-08-01"}""".formatted(searchedUpn)).json().get("id").asText();
        for (int i = 0; i < 2; i++) {
            api.offer(placements.get(i), provision);
        }
        long lastVersion = api.get("caseworker", "/api/placements/" + placements.get(1) + "?minVersion=1")
                .json().get("version").asLong();
        assertThat(lastVersion).isEqualTo(1);
        // the first offer too: the caseload's segments may be projected in any order
        api.get("caseworker", "/api/placements/" + placements.get(0) + "?minVersion=1");
        api.get("caseworker", "/api/placements/" + named + "?minVersion=0");

        JsonNode byProvision = api.get("caseworker", "/api/placements?provisionId=" + provision
                + "&status=OFFERED").json();
        JsonNode byName = api.get("caseworker", "/api/placements?q=oyelaran").json();
        JsonNode byUpn = api.get("caseworker", "/api/placements?q=" + searchedUpn).json();
        JsonNode byNeedAndYear = api.get("caseworker", "/api/placements?need=SEMH&yearGroup=5&status=REFERRED")
                .json();
        JsonNode page0 = api.get("caseworker", "/api/placements?provisionId=" + provision + "&size=1&page=0"
                + "&sort=referredOn").json();
        JsonNode page1 = api.get("caseworker", "/api/placements?provisionId=" + provision + "&size=1&page=1"
                + "&sort=referredOn").json();

        assertThat(byProvision.get("total").asLong()).isEqualTo(2);
        assertThat(byProvision.get("items").findValuesAsText("id")).containsExactlyInAnyOrder(placements.get(0),
                placements.get(1));
        assertThat(byName.get("items").findValuesAsText("id")).containsExactly(named);
        assertThat(byUpn.get("items").findValuesAsText("id")).containsExactly(named);
        assertThat(byUpn.get("items").get(0).get("daysWaiting").asInt()).isPositive();
        assertThat(byNeedAndYear.get("items").findValuesAsText("id")).contains(named);
        assertThat(page0.get("size").asInt()).isEqualTo(1);
        assertThat(page0.get("total").asLong()).isEqualTo(2);
        assertThat(page0.get("items")).hasSize(1);
        assertThat(page1.get("items")).hasSize(1);
        assertThat(page0.get("items").get(0).get("id").asText())
                .isNotEqualTo(page1.get("items").get(0).get("id").asText());
    }

    @Test
    void badCaseloadParametersAre400() {
        assertThat(api.get("caseworker", "/api/placements?size=501").status()).isEqualTo(400);
        assertThat(api.get("caseworker", "/api/placements?status=LOST").status()).isEqualTo(400);
        assertThat(api.get("caseworker", "/api/placements?sort=upn").status()).isEqualTo(400);
        assertThat(api.get("caseworker", "/api/placements?page=-1").status()).isEqualTo(400);
    }

    @Test
    void caseworkersReadTheCaseloadAndAnalystsAuditorsAndAnonymousDoNot() {
        assertThat(api.get("caseworker", "/api/placements").status()).isEqualTo(200);
        assertThat(api.get("admin", "/api/placements").status()).isEqualTo(200);
        assertThat(api.get("analyst", "/api/placements").status()).isEqualTo(403);
        assertThat(api.get("provision-admin", "/api/placements").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/placements").status()).isEqualTo(401);
    }
}
