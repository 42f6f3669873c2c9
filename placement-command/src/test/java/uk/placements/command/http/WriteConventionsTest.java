package uk.placements.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import uk.placements.command.ApiTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The write conventions of API.md: answers, Location, ETag/If-Match, Idempotency-Key, 404/401/403, metadata. */
class WriteConventionsTest extends ApiTest {

    @Test
    void creationAnswers201WithLocationEtagAndVersionZero() {
        String id = Api.newProvisionId("CONV");
        Api.Answer answer = api.post("provision-admin", "/api/provisions",
                Api.provisionJson(id, "SEN_UNIT", 7, 11, "\"SEMH\"", 8));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("Location")).isEqualTo("/api/provisions/" + id);
        assertThat(answer.header("ETag")).isEqualTo("\"0\"");
        assertThat(answer.json().get("id").asText()).isEqualTo(id);
        assertThat(answer.json().get("version").asLong()).isZero();
    }

    @Test
    void commissioningAnExistingProvisionIdIsAConflictAndRecordsNothing() {
        String id = api.commission(Api.newProvisionId("DUP"), "RESOURCE_BASE", 5);
        long before = eventCount();

        Api.Answer again = api.post("provision-admin", "/api/provisions",
                Api.provisionJson(id, "RESOURCE_BASE", 0, 6, "\"ASD\"", 5));

        assertThat(again.status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void writeWithAStaleIfMatchIsRefusedWith412AndACurrentOneIsAccepted() {
        String placement = api.refer(Api.newUpn());
        String provision = api.commission(Api.newProvisionId("ETAG"), "RESOURCE_BASE", 5);
        assertThat(api.offer(placement, provision).json().get("version").asLong()).isEqualTo(1);

        Api.Answer stale = api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-20\"}", "If-Match", "\"0\"");
        Api.Answer current = api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-20\"}", "If-Match", "\"1\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).isEqualTo(2);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
        assertThat(eventCount(placement, "PupilAdmitted")).isEqualTo(1);
    }

    @Test
    void malformedIfMatchIsA400() {
        String placement = api.refer(Api.newUpn());
        Api.Answer answer = api.post("caseworker", "/api/placements/" + placement + "/withdraw",
                "{\"on\":\"2026-09-20\",\"reason\":\"x\"}", "If-Match", "three");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("field")).contains("If-Match");
    }

    @Test
    void repeatingAnIdempotencyKeyWithTheSameBodyReturnsTheFirstAnswerAndRecordsNothingNew() {
        String key = UUID.randomUUID().toString();
        String body = Api.referralJson(Api.newUpn(), 4, "ASD", "EHCP", "2026-09-02");

        Api.Answer first = api.post("caseworker", "/api/placements", body, "Idempotency-Key", key);
        long events = eventCount();
        Api.Answer second = api.post("caseworker", "/api/placements", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        String placement = api.refer(Api.newUpn());
        String provision = api.commission(Api.newProvisionId("IDEM"), "RESOURCE_BASE", 5);
        api.offer(placement, provision);
        Api.Answer first = api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-20\"}", "Idempotency-Key", key);
        long events = eventCount();

        Api.Answer other = api.post("caseworker", "/api/placements/" + placement + "/time-split",
                "{\"mainstreamPercent\":70,\"effectiveFrom\":\"2026-10-01\"}", "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aWriteThatChangesNothingAnswers200WithTheUnchangedVersion() {
        String placement = api.refer(Api.newUpn());
        String provision = api.commission(Api.newProvisionId("SAME"), "RESOURCE_BASE", 5);
        api.offer(placement, provision);
        api.post("caseworker", "/api/placements/" + placement + "/admission", "{\"admittedOn\":\"2026-09-20\"}");
        long events = eventCount();

        Api.Answer same = api.post("caseworker", "/api/placements/" + placement + "/time-split",
                "{\"mainstreamPercent\":50,\"effectiveFrom\":\"2026-10-01\"}");

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("version").asLong()).isEqualTo(2);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void unknownOrMalformedIdsAre404() {
        assertThat(api.post("caseworker", "/api/placements/" + UUID.randomUUID() + "/withdraw",
                "{\"on\":\"2026-09-20\",\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.post("caseworker", "/api/placements/not-an-id/withdraw",
                "{\"on\":\"2026-09-20\",\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.put("provision-admin", "/api/provisions/NO-SUCH-PROVISION/places",
                "{\"commissionedPlaces\":3,\"effectiveFrom\":\"2026-09-01\",\"reason\":\"x\"}").status())
                .isEqualTo(404);
        String placement = api.refer(Api.newUpn());
        Api.Answer unknownProvision = api.offer(placement, "NO-SUCH-PROVISION");
        assertThat(unknownProvision.status()).isEqualTo(404);
        assertThat(unknownProvision.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void withoutCredentialsAWriteIs401AndNothingIsRecorded() {
        long events = eventCount();
        Api.Answer answer = api.post(null, "/api/placements", Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP",
                "2026-09-01"));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void wrongPasswordIs401() {
        Api.Answer answer = api.send(null, "POST", "/api/placements", "application/json", "{}".getBytes(),
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("caseworker:wrong".getBytes()));
        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void rolesThatMayNotWriteAre403AndNothingIsRecorded() {
        long events = eventCount();
        String referral = Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", "2026-09-01");
        for (String user : List.of("analyst", "auditor", "provision-admin")) {
            assertThat(api.post(user, "/api/placements", referral).status()).as(user).isEqualTo(403);
        }
        String provision = Api.provisionJson(Api.newProvisionId("ROLE"), "RESOURCE_BASE", 0, 6, "\"ASD\"", 4);
        for (String user : List.of("analyst", "auditor", "caseworker")) {
            assertThat(api.post(user, "/api/provisions", provision).status()).as(user).isEqualTo(403);
        }
        assertThat(eventCount()).isEqualTo(events);
        assertThat(api.post("admin", "/api/provisions", provision).status()).isEqualTo(201);
    }

    @Test
    void everyEventNamesTheUserAndTheRequestCorrelationId() throws Exception {
        String correlation = "case-" + UUID.randomUUID();
        String provision = Api.newProvisionId("META");
        api.post("provision-admin", "/api/provisions", Api.provisionJson(provision, "RESOURCE_BASE", 0, 6, "\"ASD\"", 4));
        String placement = api.refer(Api.newUpn());

        Api.Answer offer = api.post("caseworker", "/api/placements/" + placement + "/offer",
                "{\"provisionId\":\"" + provision + "\",\"offeredOn\":\"2026-09-10\"}", "X-Correlation-Id", correlation);

        assertThat(offer.header("X-Correlation-Id")).isEqualTo(correlation);
        List<byte[]> metadata = jdbc.query("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier IN (?, ?) "
                + "AND (payloadType LIKE '%PlaceOffered' OR payloadType LIKE '%PlaceReserved')",
                (rs, i) -> rs.getBytes(1), placement, provision);
        assertThat(metadata).hasSize(2);
        for (byte[] bytes : metadata) {
            JsonNode meta = new ObjectMapper().readTree(bytes);
            assertThat(meta.get("userId").asText()).isEqualTo("caseworker");
            assertThat(meta.get("correlationId").asText()).isEqualTo(correlation);
        }
    }
}
