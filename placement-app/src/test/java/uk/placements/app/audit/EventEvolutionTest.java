package uk.placements.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;
import uk.placements.shared.placement.event.TimeSplitChanged;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision-1 TimeSplitChanged stored the old way is read by the aggregate, the projections and the audit trail
 * as revision 2; the history shows which revision each event was stored in.
 */
class EventEvolutionTest extends AppTest {

    @Test
    void aStoredRevisionOneEventIsUpcastEverywhereAndHistoryShowsBothRevisions() {
        String provision = api.commission(Api.newProvisionId("EVOLVE"), "RESOURCE_BASE", 3);
        String placement = api.refer(Api.newUpn());
        api.offer(placement, provision);
        api.post("caseworker", "/api/placements/" + placement + "/admission", "{\"admittedOn\":\"2026-09-20\"}");
        String revisionOne = """
                {"placementId":"%s","provisionId":"%s","previousPercent":50,"mainstreamPercent":40,
                 "effectiveFrom":"2026-10-01","reason":"struggling with large classes","belowIntegrationBand":true}"""
                .formatted(placement, provision);
        jdbc.update("""
                        INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                            metaData, payload, payloadRevision, payloadType, timeStamp)
                        VALUES (?, 3, 'Placement', ?, ?, ?, '1', ?, ?)""",
                placement, UUID.randomUUID().toString(), "{\"userId\":\"legacy-import\"}".getBytes(StandardCharsets.UTF_8),
                revisionOne.getBytes(StandardCharsets.UTF_8), TimeSplitChanged.class.getName(),
                Instant.now().toString());

        Api.Answer increase = api.post("caseworker", "/api/placements/" + placement + "/time-split",
                "{\"mainstreamPercent\":55,\"effectiveFrom\":\"2026-11-01\",\"reasonCategory\":\"TRANSITION\","
                        + "\"reason\":\"settled\"}", "If-Match", "\"3\"");

        assertThat(increase.status()).as(increase.body()).isEqualTo(200);
        assertThat(increase.json().get("version").asLong()).isEqualTo(4);
        JsonNode history = api.get("auditor", "/api/audit/placements/" + placement + "/events").json();
        assertThat(history).extracting(e -> e.get("revision").asText()).containsExactly("1", "1", "1", "1", "2");
        JsonNode upcast = history.get(3).get("payload").get("reason");
        assertThat(upcast.get("category").asText()).isEqualTo("UNSPECIFIED");
        assertThat(upcast.get("text").asText()).isEqualTo("struggling with large classes");
        assertThat(history.get(4).get("payload").get("reason").get("category").asText()).isEqualTo("TRANSITION");
        assertThat(history.get(4).get("payload").get("previousPercent").asInt()).as("the aggregate folded revision 1")
                .isEqualTo(40);

        Api.Answer read = api.get("caseworker", "/api/placements/" + placement + "?minVersion=4");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode view = read.json();
        assertThat(view.get("mainstreamPercent").asInt()).isEqualTo(55);
        assertThat(view.get("timeline").get(3).get("detail").asText()).contains("struggling with large classes");
    }
}
