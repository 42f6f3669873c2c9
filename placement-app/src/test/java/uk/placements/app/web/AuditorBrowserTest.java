package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.placements.command.http.Api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor replays a placement's history in the browser: its events, its verified hash chain, its past state. */
class AuditorBrowserTest extends BrowserTest {

    @Test
    void anAuditorSeesTheEventsTheVerifiedChainAndTheStateAtAnInstant() {
        String provision = api.commission(Api.newProvisionId("WEBAUDIT"), "RESOURCE_BASE", 3);
        String placement = api.refer(Api.newUpn());
        Instant beforeOffer = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(api.offer(placement, provision).status()).isEqualTo(200);

        signIn("auditor");
        open("/audit.html");
        type("id", placement);
        typeDate("asOf", beforeOffer.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        type("asOfTime", DateTimeFormatter.ofPattern("HH:mm:ss.SSS").format(beforeOffer.atOffset(ZoneOffset.UTC)));
        browser.findElement(By.id("find-button")).click();
        waitForText(By.id("verify"), "Intact");

        assertThat(browser.findElement(By.id("verify")).getText()).contains("all 2 events");
        assertThat(browser.findElement(By.id("rows")).getText()).contains("Place offered").contains("PlaceOffered").contains("caseworker");
        assertThat(browser.findElement(By.id("state-summary")).getText()).contains("1 event recorded");
        assertThat(browser.findElement(By.id("state")).getText()).contains("REFERRED").doesNotContain("OFFERED");
        screenshot("40-audit-placement");

        // The state on the day alone: as the system knew it by the end of that day (today: now), the offer included.
        type("asOfTime", "");
        browser.findElement(By.id("find-button")).click();
        waitForText(By.id("state-summary"), "2 events recorded");
        assertThat(browser.findElement(By.id("state")).getText()).contains("OFFERED");
    }
}
