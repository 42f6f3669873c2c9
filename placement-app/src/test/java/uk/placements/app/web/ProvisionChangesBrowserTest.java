package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.placements.command.http.Api;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provision admin's changes that the API refuses: closing while a place is still held (R-CLOSE, in plain words),
 * and a form sent on a provision that someone else changed after the page was loaded (412, with a way to reload).
 */
class ProvisionChangesBrowserTest extends BrowserTest {

    @Test
    void closingIsRefusedWhileAPlaceIsHeldThenSucceedsOnceItIsReleased() {
        String provision = api.commission(Api.newProvisionId("WEBCLOSE"), "SEN_UNIT", 2);
        String placement = api.refer(Api.newUpn());
        assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        eventually(() -> api.get("provision-admin", "/api/provisions/" + provision).json()
                .path("offersOutstanding").asInt() == 1);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        signIn("provision-admin");
        open("/provision.html?id=" + provision);
        typeDate("close-closedOn", today);
        type("close-reason", "The host school is merging with its neighbour");
        browser.findElement(By.id("close-button")).click();
        String refusal = waitFor(By.id("close-errors")).getText();
        assertThat(refusal).contains("A provision can close only when no pupils are on roll and no offers are outstanding")
                .contains("R-CLOSE");
        assertThat(textOf(By.id("title"))).contains(provision);
        screenshot("64-close-refused");

        // The caseworker withdraws the offer elsewhere: the place is released, and the figures on this page follow.
        assertThat(api.post("caseworker", "/api/placements/" + placement + "/offer/withdraw",
                "{\"on\":\"" + today + "\",\"reason\":\"The family moved away\"}").status()).isEqualTo(200);
        waitForText(By.id("offers"), "0");

        // Releasing the place changed the provision: the page says so and offers to reload before closing.
        browser.findElement(By.id("close-button")).click();
        waitForText(By.id("close-errors"), "Someone else changed this provision");
        clickToNewPage(By.id("close-reload"));
        assertThat(textOf(By.id("offers"))).isEqualTo("0");
        typeDate("close-closedOn", today);
        type("close-reason", "The host school is merging with its neighbour");
        browser.findElement(By.id("close-button")).click();
        waitForText(By.id("summary"), "Closed on " + today);
        assertThat(browser.findElement(By.id("admin")).isDisplayed()).isFalse();
        assertThat(api.get("provision-admin", "/api/provisions/" + provision).json().get("status").asText())
                .isEqualTo("CLOSED");
        screenshot("65-provision-closed");
    }

    @Test
    void aFormSentOnAProvisionChangedMeanwhileExplainsAndOffersToReload() {
        String provision = api.commission(Api.newProvisionId("WEB412"), "RESOURCE_BASE", 6);
        signIn("provision-admin");
        open("/provision.html?id=" + provision);
        assertThat(textOf(By.id("commissioned"))).isEqualTo("6");

        // Someone else changes the places after this page was loaded.
        assertThat(api.put("provision-admin", "/api/provisions/" + provision + "/places",
                "{\"commissionedPlaces\":8,\"effectiveFrom\":\"2026-09-01\",\"reason\":\"Agreed at panel\"}").status())
                .isEqualTo(200);

        type("staff-adults", "3");
        type("staff-qualifiedTeachers", "1");
        type("staff-therapyHoursPerWeek", "4");
        browser.findElement(By.id("staff-button")).click();
        String explanation = waitFor(By.id("staff-errors")).getText();
        assertThat(explanation).contains("Someone else changed this provision while you were looking at it")
                .contains("your change was not made").contains("Reload the page");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("staff-errors");
        assertThat(textOf(By.id("adults"))).isEqualTo("Not recorded");
        screenshot("66-provision-changed-meanwhile");

        clickToNewPage(By.id("staff-reload"));
        assertThat(textOf(By.id("commissioned"))).isEqualTo("8");
        type("staff-adults", "3");
        type("staff-qualifiedTeachers", "1");
        type("staff-therapyHoursPerWeek", "4");
        browser.findElement(By.id("staff-button")).click();
        waitForText(By.id("adults"), "3");
        assertThat(textOf(By.id("commissioned"))).isEqualTo("8");
    }
}
