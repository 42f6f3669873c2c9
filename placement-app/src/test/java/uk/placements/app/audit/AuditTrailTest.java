package uk.placements.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors read the event store itself: history, state as known on an instant, and the tamper-evident chain. */
class AuditTrailTest extends AppTest {

    @Test
    void historyListsEveryEventWithWhoWhenWhyAndOpensPersonalDataForTheAuditor() {
        String provision = api.commission(Api.newProvisionId("AUDIT"), "RESOURCE_BASE", 3);
        String upn = Api.newUpn();
        String placement = api.refer(upn);
        api.post("caseworker", "/api/placements/" + placement + "/offer",
                "{\"provisionId\":\"" + provision + "\",\"offeredOn\":\"2026-09-10\"}", "X-Correlation-Id", "audit-1");

        JsonNode events = api.get("auditor", "/api/audit/placements/" + placement + "/events").json();

        assertThat(events).hasSize(2);
        JsonNode referred = events.get(0);
        assertThat(referred.get("sequence").asLong()).isZero();
        assertThat(referred.get("type").asText()).isEqualTo("PupilReferred");
        assertThat(referred.get("revision").asText()).isEqualTo("1");
        assertThat(referred.get("businessDate").asText()).isEqualTo("2026-09-01");
        assertThat(referred.get("userId").asText()).isEqualTo("caseworker");
        assertThat(referred.get("recordedAt").asText()).endsWith("Z");
        assertThat(referred.get("payload").get("pupil").get("upn").asText()).isEqualTo(upn);
        JsonNode offered = events.get(1);
        assertThat(offered.get("type").asText()).isEqualTo("PlaceOffered");
        assertThat(offered.get("correlationId").asText()).isEqualTo("audit-1");
        assertThat(offered.get("payload").get("provisionId").asText()).isEqualTo(provision);

        JsonNode provisionEvents = api.get("auditor", "/api/audit/provisions/" + provision + "/events").json();
        assertThat(provisionEvents).extracting(e -> e.get("type").asText())
                .containsExactly("ProvisionCommissioned", "PlaceReserved");
    }

    @Test
    void stateAsKnownOnAnInstantIsFoldedFromTheEventsRecordedUpToThen() throws Exception {
        String provision = api.commission(Api.newProvisionId("ASOF"), "RESOURCE_BASE", 3);
        String placement = api.refer(Api.newUpn());
        Thread.sleep(20);
        Instant afterReferral = Instant.now();
        Thread.sleep(20);
        api.offer(placement, provision);

        JsonNode then = api.get("auditor", "/api/audit/placements/" + placement + "/state?asOf=" + afterReferral)
                .json();
        JsonNode now = api.get("auditor", "/api/audit/placements/" + placement + "/state?asOf=" + Instant.now())
                .json();
        Api.Answer before = api.get("auditor", "/api/audit/placements/" + placement + "/state?asOf="
                + afterReferral.minusSeconds(60));

        assertThat(then.get("eventsFolded").asInt()).isEqualTo(1);
        assertThat(then.get("state").get("status").asText()).isEqualTo("REFERRED");
        assertThat(now.get("eventsFolded").asInt()).isEqualTo(2);
        assertThat(now.get("state").get("status").asText()).isEqualTo("OFFERED");
        assertThat(now.get("state").get("provisionId").asText()).isEqualTo(provision);
        assertThat(before.status()).isEqualTo(404);
        assertThat(api.get("auditor", "/api/audit/placements/" + placement + "/state?asOf=yesterday").status())
                .isEqualTo(400);
    }

    @Test
    void verifyFindsTheChainIntactAndNamesTheFirstEventAlteredWithPlainSql() {
        String provision = api.commission(Api.newProvisionId("TAMPER"), "RESOURCE_BASE", 3);
        String placement = api.refer(Api.newUpn());
        api.offer(placement, provision);
        api.post("caseworker", "/api/placements/" + placement + "/admission", "{\"admittedOn\":\"2026-09-20\"}");

        JsonNode intact = api.get("auditor", "/api/audit/placements/" + placement + "/verify").json();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("events").asInt()).isEqualTo(3);
        assertThat(intact.get("firstBrokenSequence").isNull()).isTrue();

        byte[] payload = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 1", byte[].class, placement);
        String altered = new String(payload, StandardCharsets.UTF_8).replace("2026-09-10", "2026-08-10");
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                altered.getBytes(StandardCharsets.UTF_8), placement);

        JsonNode broken = api.get("auditor", "/api/audit/placements/" + placement + "/verify").json();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenSequence").asLong()).isEqualTo(1);
        assertThat(api.get("auditor", "/api/audit/provisions/" + provision + "/verify").json()
                .get("intact").asBoolean()).isTrue();
    }

    @Test
    void deletingThePupilsKeyLeavesTheChainIntactAndHistoryShowsErased() {
        String upn = Api.newUpn();
        String placement = api.refer(upn);
        String pupilId = jdbc.queryForObject("SELECT pupil_id FROM open_placement WHERE placement_id = ?",
                String.class, placement);

        // what erasure does to the key store: the key goes, a tombstone stays (read models wait for a key otherwise)
        jdbc.update("DELETE FROM pupil_key WHERE pupil_id = ?", pupilId);
        jdbc.update("INSERT INTO erased_pupil (pupil_id, erased_at) VALUES (?, CURRENT_TIMESTAMP)", pupilId);

        JsonNode verify = api.get("auditor", "/api/audit/placements/" + placement + "/verify").json();
        JsonNode history = api.get("auditor", "/api/audit/placements/" + placement + "/events").json();
        assertThat(verify.get("intact").asBoolean()).isTrue();
        JsonNode pupil = history.get(0).get("payload").get("pupil");
        assertThat(pupil.get("upn").asText()).isEqualTo("[erased]");
        assertThat(pupil.get("familyName").asText()).isEqualTo("[erased]");
        assertThat(history.toString()).doesNotContain(upn);
    }

    @Test
    void onlyAuditorsAndAdminsReadTheAuditTrail() {
        String placement = api.refer(Api.newUpn());
        String path = "/api/audit/placements/" + placement + "/events";
        assertThat(api.get("auditor", path).status()).isEqualTo(200);
        assertThat(api.get("admin", path).status()).isEqualTo(200);
        assertThat(api.get("caseworker", path).status()).isEqualTo(403);
        assertThat(api.get("analyst", path).status()).isEqualTo(403);
        assertThat(api.get(null, path).status()).isEqualTo(401);
        assertThat(api.get("auditor", "/api/audit/placements/00000000-0000-0000-0000-000000000000/verify").status())
                .isEqualTo(404);
    }
}
