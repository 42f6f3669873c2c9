package uk.placements.app.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** A full scenario with the application's logs captured: no UPN, name or date of birth appears in them. */
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest extends AppTest {

    /** Written through the application's logging system first: the capture is proven live, quiet as the app is. */
    private static final String PROBE = "log capture probe";

    @Test
    void aFullScenarioIncludingRefusalsAndErasureLogsNoPersonalData(CapturedOutput logs) {
        LoggerFactory.getLogger("uk.placements").warn(PROBE);
        String upn = Api.newUpn();
        String provision = api.commission(Api.newProvisionId("LOGS"), "RESOURCE_BASE", 1);
        String referral = """
                {"pupil":{"upn":"%s","givenName":"Peregrine","familyName":"Wolstenholme","dateOfBirth":"2014-07-19"},
                 "yearGroup":5,"primaryNeed":"ASD","ehcpStatus":"EHCP","homeSchoolUrn":"500005",
                 "referredOn":"2026-09-01","note":"Peregrine likes trains"}""".formatted(upn);
        String placement = api.post("caseworker", "/api/placements", referral).json().get("id").asText();
        api.post("caseworker", "/api/placements", referral);
        api.post("caseworker", "/api/placements", referral.replace("2026-09-01", "2099-01-01"));
        api.post("caseworker", "/api/placements", referral.replace(upn, "A" + upn.substring(1)));
        api.post("caseworker", "/api/placements", referral.replace("\"yearGroup\":5", "\"yearGroup\":\"five\""));
        api.offer(placement, provision);
        api.post("caseworker", "/api/placements/" + placement + "/admission", "{\"admittedOn\":\"2026-09-20\"}");
        api.post("caseworker", "/api/placements/" + placement + "/end",
                "{\"effectiveFrom\":\"2026-10-20\",\"reason\":\"OTHER\"}");
        api.get("caseworker", "/api/placements/" + placement + "?minVersion=2");
        api.get("caseworker", "/api/placements?q=Wolstenholme");
        api.get("auditor", "/api/audit/placements/" + placement + "/events");
        api.post("admin", "/api/admin/pupils/" + upn + "/erase", "{\"reason\":\"retention period ended\"}");

        assertThat(logs.getAll()).as("the capture sees the application's logging").contains(PROBE)
                .doesNotContain(upn, "Peregrine", "Wolstenholme", "2014-07-19", "likes trains");
    }

    @Test
    void theNameOfABasesLeadTeacherIsNeverLogged(CapturedOutput logs) {
        LoggerFactory.getLogger("uk.placements").warn(PROBE);
        String provision = api.commission(Api.newProvisionId("LOGS"), "RESOURCE_BASE", 1);
        String lead = "{\"teacherName\":\"Philippa Quennell-Barrow\",\"effectiveFrom\":\"%s\"}";
        String path = "/api/provisions/" + provision + "/base-lead";
        assertThat(api.post("provision-admin", path, lead.formatted("2024-09-01")).status()).isEqualTo(200);
        assertThat(api.post("provision-admin", path, lead.formatted("2001-01-01")).rule()).isEqualTo("R-BASE-DATE");
        assertThat(api.post("provision-admin", path, lead.formatted("2024-09-01").replace("}", ",\"vacant\":true}"))
                .status()).isEqualTo(400);
        api.get("caseworker", "/api/provisions/" + provision + "?minVersion=1");
        api.get("caseworker", "/api/provisions/" + provision + "/standards");
        api.get("auditor", "/api/audit/provisions/" + provision + "/events");

        assertThat(logs.getAll()).as("the capture sees the application's logging").contains(PROBE)
                .doesNotContain("Quennell");
    }
}
