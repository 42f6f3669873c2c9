package uk.placements.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every read of a pupil's personal data is recorded, and auditors can search the record. */
class AccessLogTest extends AppTest {

    @Test
    void readsOfPersonalDataAreRecordedByUserPupilEndpointAndTime() {
        String upn = Api.newUpn();
        String placement = api.refer(upn);
        api.get("caseworker", "/api/placements/" + placement + "?minVersion=0");
        Instant before = Instant.now();

        api.get("caseworker", "/api/placements/" + placement);
        api.get("caseworker", "/api/placements?q=" + upn);
        api.get("auditor", "/api/audit/placements/" + placement + "/events");

        JsonNode log = api.get("auditor", "/api/audit/access-log?upn=" + upn + "&from=" + before).json();
        assertThat(log).hasSize(3);
        assertThat(log).extracting(e -> e.get("endpoint").asText()).containsExactly(
                "/api/audit/placements/" + placement + "/events", "/api/placements",
                "/api/placements/" + placement);
        assertThat(log).extracting(e -> e.get("userId").asText()).containsExactly("auditor", "caseworker",
                "caseworker");
        assertThat(log).allSatisfy(e -> assertThat(e.get("placementId").asText()).isEqualTo(placement));
        assertThat(log.toString()).as("the log names pupils by pseudonymous id only").doesNotContain(upn);

        JsonNode byUser = api.get("auditor", "/api/audit/access-log?user=auditor&from=" + before).json();
        assertThat(byUser).extracting(e -> e.get("userId").asText()).containsOnly("auditor");
        assertThat(api.get("caseworker", "/api/audit/access-log").status()).isEqualTo(403);
    }
}
