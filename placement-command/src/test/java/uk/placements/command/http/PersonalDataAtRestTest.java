package uk.placements.command.http;

import org.junit.jupiter.api.Test;
import uk.placements.command.ApiTest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Events never hold personal data in clear: the raw event table is searched for every personal field. */
class PersonalDataAtRestTest extends ApiTest {

    @Test
    void theRawEventTableHoldsNoUpnNameOrDateOfBirthInClear() {
        String upn = Api.newUpn();
        String provision = api.commission(Api.newProvisionId("PII"), "RESOURCE_BASE", 5);
        String referral = """
                {"pupil":{"upn":"%s","givenName":"Zebedee","familyName":"Quixwell","dateOfBirth":"2016-02-29"},
                 "yearGroup":4,"primaryNeed":"ASD","ehcpStatus":"EHCP","homeSchoolUrn":"300003",
                 "referredOn":"2026-09-01","note":"Zebedee settles best with a visual timetable"}""".formatted(upn);
        String placement = api.post("caseworker", "/api/placements", referral).json().get("id").asText();
        api.offer(placement, provision);
        api.post("caseworker", "/api/placements/" + placement + "/admission", "{\"admittedOn\":\"2026-09-20\"}");
        api.post("caseworker", "/api/placements/" + placement + "/move-to-mainstream",
                "{\"effectiveFrom\":\"2026-12-01\",\"note\":\"Quixwell family delighted\"}");

        List<String> stored = jdbc.query("SELECT payload, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8) + new String(rs.getBytes(2),
                        StandardCharsets.UTF_8), placement);

        assertThat(stored).hasSize(4);
        assertThat(String.join("\n", stored))
                .doesNotContain(upn, "Zebedee", "Quixwell", "2016-02-29", "visual timetable")
                .contains("enc:v1:");
        List<String> lookups = jdbc.query("SELECT upn_digest FROM pupil_key", (rs, i) -> rs.getString(1));
        assertThat(lookups).doesNotContain(upn);
    }
}
