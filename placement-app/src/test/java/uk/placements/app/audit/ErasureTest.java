package uk.placements.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure crypto-shreds a pupil: audited, the read models scrubbed, history "[erased]", the chain intact. */
class ErasureTest extends AppTest {

    @Test
    void erasureDeletesTheKeyRecordsWhoAndWhyScrubsReadModelsAndKeepsTheChainIntact() {
        String upn = Api.newUpn();
        String placement = api.refer(upn);
        api.get("caseworker", "/api/placements/" + placement + "?minVersion=0");

        Api.Answer erased = api.post("admin", "/api/admin/pupils/" + upn + "/erase",
                "{\"reason\":\"family request upheld; no statutory duty remains\"}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        String pupilId = erased.json().get("id").asText();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pupil_key WHERE pupil_id = ?", Long.class, pupilId))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM erased_pupil WHERE pupil_id = ?", Long.class, pupilId))
                .as("the tombstone read models tell an erasure by").isOne();
        String stored = new String(jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE "
                + "aggregateIdentifier = ? AND payloadType LIKE '%PupilErased'", byte[].class, pupilId));
        assertThat(stored).contains("family request upheld").doesNotContain(upn);
        String who = new String(jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE "
                + "aggregateIdentifier = ? AND payloadType LIKE '%PupilErased'", byte[].class, pupilId));
        assertThat(who).contains("\"userId\":\"admin\"");

        eventually(() -> jdbc.queryForObject("SELECT pupil_erased FROM rm_placement WHERE placement_id = ?",
                Boolean.class, placement));
        JsonNode view = api.get("caseworker", "/api/placements/" + placement).json();
        assertThat(view.get("pupil").get("erased").asBoolean()).isTrue();
        assertThat(view.toString()).doesNotContain(upn, "Hargreaves", "Olivia");
        assertThat(api.get("caseworker", "/api/placements?q=" + upn).json().get("total").asLong()).isZero();
        JsonNode history = api.get("auditor", "/api/audit/placements/" + placement + "/events").json();
        assertThat(history.get(0).get("payload").get("pupil").get("upn").asText()).isEqualTo("[erased]");
        assertThat(api.get("auditor", "/api/audit/placements/" + placement + "/verify").json()
                .get("intact").asBoolean()).isTrue();

        Api.Answer rebuilt = api.post("admin", "/api/admin/projections/caseload/rebuild", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        JsonNode afterRebuild = api.get("caseworker", "/api/placements/" + placement).json();
        assertThat(afterRebuild.get("pupil").get("erased").asBoolean()).as("a replay opens nothing").isTrue();
        assertThat(afterRebuild.toString()).doesNotContain(upn, "Hargreaves");
    }

    @Test
    void erasureNeedsAReasonAnAdminAndAKnownPupilAndHappensOnce() {
        String upn = Api.newUpn();
        api.refer(upn);
        assertThat(api.post("admin", "/api/admin/pupils/" + upn + "/erase", "{}").status()).isEqualTo(400);
        assertThat(api.post("caseworker", "/api/admin/pupils/" + upn + "/erase", "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(api.post("admin", "/api/admin/pupils/" + Api.newUpn() + "/erase", "{\"reason\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(api.post("admin", "/api/admin/pupils/" + upn + "/erase", "{\"reason\":\"x\"}").status())
                .isEqualTo(200);
        assertThat(api.post("admin", "/api/admin/pupils/" + upn + "/erase", "{\"reason\":\"x\"}").status())
                .as("the key is gone, so the UPN finds no pupil any more").isEqualTo(404);
    }

    @Test
    void theRetentionReportListsPupilsPastDateOfBirthPlus31YearsUntilTheyAreErased() {
        String oldUpn = Api.newUpn();
        // Referred at 24 (a referral takes pupils of 2 to 25), in 2014: past retention now.
        String old = api.post("caseworker", "/api/placements", Api.referralJson(oldUpn, 13, "ASD", "EHCP",
                "2014-09-01").replace("2017-05-14", "1990-01-01")).json().get("id").asText();
        String young = api.refer(Api.newUpn());
        api.get("caseworker", "/api/placements/" + old + "?minVersion=0");
        api.get("caseworker", "/api/placements/" + young + "?minVersion=0");

        JsonNode report = api.get("admin", "/api/admin/retention").json();

        assertThat(report.findValues("placementIds").toString()).contains(old).doesNotContain(young);
        JsonNode row = java.util.stream.StreamSupport.stream(report.spliterator(), false)
                .filter(r -> r.get("placementIds").toString().contains(old)).findFirst().orElseThrow();
        assertThat(row.get("retainUntil").asText()).isEqualTo("2021-01-01");
        assertThat(report.toString()).doesNotContain(oldUpn, "1990-01-01");
        assertThat(api.get("auditor", "/api/admin/retention").status()).isEqualTo(403);

        api.post("admin", "/api/admin/pupils/" + oldUpn + "/erase", "{\"reason\":\"retention period ended\"}");
        eventually(() -> !api.get("admin", "/api/admin/retention").body().contains(old));
    }
}
