package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.placements.command.http.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** The less common steps of a placement in the browser: need override, decline, withdrawal, ending. */
class PlacementDecisionsBrowserTest extends BrowserTest {

    private String provision;

    private String referred(String need) {
        Api.Answer a = api.post("caseworker", "/api/placements",
                Api.referralJson(Api.newUpn(), 3, need, "EHCP", "2026-09-01"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asText();
    }

    /** A provision of 3 places the offer's picker can list (the provisions read model has it). */
    private String commissioned(String id, String type) {
        api.commission(id, type, 3);
        eventually(() -> api.get("caseworker", "/api/provisions/" + id).status() == 200);
        return id;
    }

    private void unfold(String form) {
        browser.findElement(By.xpath("//details[.//form[@id='" + form + "']]/summary")).click();
    }

    @Test
    void anOfferOutsideTheDesignatedNeedsAsksWhyAndGoesThroughWithAReason() {
        provision = commissioned(Api.newProvisionId("WEBNEED"), "RESOURCE_BASE");
        String placement = referred("SEMH");

        signIn("caseworker");
        open("/placement.html?id=" + placement + "&minVersion=0");
        browser.findElement(By.cssSelector("input[name=provisionId][value='" + provision + "']")).click();
        browser.findElement(By.id("offer-button")).click();
        assertThat(waitFor(By.id("needOverrideReason-error")).getText()).contains("R-NEED");
        screenshot("30-offer-refused-need");

        type("needOverrideReason", "The EHC plan names this school; the panel agreed on 2026-11-01");
        browser.findElement(By.id("offer-button")).click();
        waitForText(By.id("status"), "Offered");
        screenshot("31-placement-offered-outside-need");
    }

    @Test
    void aDeclinedOfferReturnsToReferredAndTheReferralCanBeWithdrawn() {
        provision = commissioned(Api.newProvisionId("WEBDEC"), "RESOURCE_BASE");
        String placement = referred("ASD");
        assertThat(api.offer(placement, provision).status()).isEqualTo(200);

        signIn("caseworker");
        open("/placement.html?id=" + placement + "&minVersion=1");
        waitForText(By.id("status"), "Offered");
        unfold("decline");
        type("decline-reason", "The family chose the nearer school");
        screenshot("32-placement-decline");
        browser.findElement(By.id("decline-button")).click();
        waitForText(By.id("timeline"), "family chose");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Referred");

        unfold("withdraw");
        browser.findElement(By.id("withdraw-button")).click();
        assertThat(waitFor(By.id("withdraw-reason-error")).getText()).contains("reason");
        type("withdraw-reason", "Moved out of the authority");
        browser.findElement(By.id("withdraw-button")).click();
        waitForText(By.id("status"), "Withdrawn");
        assertThat(browser.findElements(By.cssSelector("#actions form"))).isEmpty();
        screenshot("33-placement-withdrawn");
    }

    @Test
    void aChangeMadeElsewhereMeanwhileIsExplainedNotOverwritten() {
        provision = commissioned(Api.newProvisionId("WEBRACE"), "RESOURCE_BASE");
        String placement = referred("ASD");

        signIn("caseworker");
        open("/placement.html?id=" + placement + "&minVersion=0");
        waitForText(By.id("status"), "Referred");
        assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        browser.findElement(By.cssSelector("input[name=provisionId][value='" + provision + "']")).click();
        browser.findElement(By.id("offer-button")).click();

        assertThat(waitFor(By.id("offer-errors")).getText()).contains("Someone else changed this placement");
        screenshot("36-placement-changed-meanwhile");
        // The way on the message offers: the page anew at the version the 412 named (the read side may lag behind).
        clickToNewPage(By.id("offer-reload"));
        waitForText(By.id("status"), "Offered");
    }

    @Test
    void anAdmittedPlacementEndsWithAReason() {
        provision = commissioned(Api.newProvisionId("WEBEND"), "SEN_UNIT");
        String placement = referred("ASD");
        assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        assertThat(api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-15\"}").status()).isEqualTo(200);

        signIn("caseworker");
        open("/placement.html?id=" + placement + "&minVersion=2");
        waitForText(By.id("status"), "Admitted");
        assertThat(browser.findElement(By.id("facts")).getText()).contains("20%");
        unfold("end");
        browser.findElement(By.cssSelector("#end-reason option[value=SPECIAL_SCHOOL]")).click();
        screenshot("34-placement-end");
        browser.findElement(By.id("end-button")).click();
        waitForText(By.id("status"), "Ended");
        screenshot("35-placement-ended");
    }
}
