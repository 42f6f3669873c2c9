package uk.placements.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.placements.command.http.Api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: durability must not depend on URL options a user replaces. The packaged jar is started with exactly
 * the override application.yml documents, {@code --spring.datasource.url=jdbc:h2:file:<dir>/placements} (no
 * {@code WRITE_DELAY=0}); referrals are acknowledged and the process is killed with SIGKILL at once, three times;
 * after each restart every acknowledged referral is in the event store and its pupil's open placement still
 * refuses a second referral with R-ONE-OPEN (before the fix, 3 of 3 trials lost the referral). A URL that asks for
 * a write delay is refused at start with one plain line, not run without durability.
 */
class DurableWhateverTheUrlIT {

    private static final int TRIALS = 3;
    private static final int REFERRALS = 5;

    @TempDir
    Path dataDir;

    @Test
    void referralsAcknowledgedJustBeforeAKillSurviveOnTheDocumentedUrlOverride() throws Exception {
        Map<String, String> acknowledged = new LinkedHashMap<>(); // placement id -> UPN
        try (ChildApp app = new ChildApp(dataDir)) {
            for (int trial = 1; trial <= TRIALS; trial++) {
                app.launch();
                Map<String, String> thisTrial = new LinkedHashMap<>();
                for (int i = 0; i < REFERRALS; i++) {
                    String upn = Api.newUpn();
                    Api.Answer referred = app.api().post("caseworker", "/api/placements",
                            Api.referralJson(upn, 3, "ASD", "EHCP", LocalDate.now().minusDays(10).toString()));
                    assertThat(referred.status()).as(referred.body()).isEqualTo(201);
                    thisTrial.put(referred.json().get("id").asText(), upn);
                }
                app.kill(); // at once after the last acknowledgement: nothing had time to flush by itself
                acknowledged.putAll(thisTrial);
                app.launch();
                for (Map.Entry<String, String> referral : thisTrial.entrySet()) {
                    Api.Answer again = app.api().post("caseworker", "/api/placements",
                            Api.referralJson(referral.getValue(), 3, "ASD", "EHCP",
                                    LocalDate.now().minusDays(5).toString()));
                    assertThat(again.status()).as("trial %d: a second referral of an acknowledged pupil: %s",
                            trial, again.body()).isEqualTo(409);
                    assertThat(again.rule()).isEqualTo("R-ONE-OPEN");
                }
                app.kill();
            }
            app.launch();
            for (String id : acknowledged.keySet()) {
                JsonNode events = app.api().get("auditor", "/api/audit/placements/" + id + "/events").json();
                assertThat(events.size()).as("stored events of acknowledged referral " + id).isEqualTo(1);
                assertThat(events.get(0).get("type").asText()).isEqualTo("PupilReferred");
            }
        }
    }

    @Test
    void aUrlAskingForAWriteDelayIsRefusedWithOnePlainLine() throws Exception {
        try (ChildApp app = new ChildApp(dataDir)) {
            app.urlOptions(";WRITE_DELAY=500");
            int exit = app.launchExpectingExit();
            String log = Files.readString(app.log());
            assertThat(exit).as(log).isNotZero();
            assertThat(log).contains("Refusing to start: the H2 URL sets WRITE_DELAY=500: commits would be "
                    + "acknowledged before they are written, and a crash would lose them.");
            assertThat(log).as("no stack trace").doesNotContain("\tat ").doesNotContain("cancelling refresh");
        }
    }
}
