package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.placements.command.http.Api;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provision admin commissions a provision, changes its places (refused without a reason, then with one) and records
 * its staffing in the browser; an auditor searches the access log.
 */
class ProvisionAdminBrowserTest extends BrowserTest {

    @Test
    void aProvisionAdminCommissionsAProvisionChangesItsPlacesAndRecordsStaffing() {
        String id = Api.newProvisionId("WEBADMIN");
        signIn("provision-admin");
        open("/provisions.html");
        type("id", id);
        type("name", "Oakfield Communication Base");
        browser.findElement(By.id("type")).click();
        type("hostSchool-urn", "100123");
        type("hostSchool-name", "Oakfield Primary School");
        browser.findElement(By.id("phase")).click();
        type("lowestYear", "1");
        type("highestYear", "6");
        browser.findElement(By.id("need-ASD")).click();
        browser.findElement(By.id("need-SLCN")).click();
        type("commissionedPlaces", "8");
        typeDate("openedOn", "2026-09-01");
        screenshot("60-commission-provision");
        browser.findElement(By.id("commission-button")).click();
        waitForText(By.id("title"), id);
        assertThat(textOf(By.id("commissioned"))).isEqualTo("8");
        assertThat(textOf(By.id("vacancies"))).isEqualTo("8");
        assertThat(textOf(By.id("summary"))).contains("Oakfield Primary School").contains("autistic spectrum disorder; speech, language and communication needs");

        type("places-commissionedPlaces", "10");
        browser.findElement(By.id("places-button")).click();
        String refusal = waitFor(By.id("places-errors")).getText();
        assertThat(refusal).contains("A change of commissioned places needs a reason").contains("R-PLACES-CHANGE");
        assertThat(textOf(By.id("places-reason-error"))).contains("needs a reason");
        screenshot("62-places-refused");

        type("places-reason", "Two more places agreed with the school for September");
        browser.findElement(By.id("places-button")).click();
        waitForText(By.id("commissioned"), "10");
        assertThat(textOf(By.id("vacancies"))).isEqualTo("10");

        type("staff-adults", "4");
        type("staff-qualifiedTeachers", "2");
        type("staff-therapyHoursPerWeek", "6.5");
        browser.findElement(By.id("staff-button")).click();
        waitForText(By.id("adults"), "4");
        assertThat(textOf(By.id("teachers"))).isEqualTo("2");
        assertThat(textOf(By.id("therapy"))).startsWith("6.5");
        assertThat(textOf(By.id("commissioned"))).isEqualTo("10");
        screenshot("61-provision-detail");
    }

    @Test
    void anAuditorSearchesTheAccessLogByUser() {
        String from = LocalDate.now(ZoneOffset.UTC).toString();
        String placement = api.refer(Api.newUpn());
        assertThat(api.get("caseworker", "/api/placements/" + placement + "?minVersion=1").status()).isEqualTo(200);

        signIn("auditor");
        open("/audit.html");
        type("log-user", "caseworker");
        typeDate("log-from", from);
        browser.findElement(By.id("log-button")).click();
        waitForText(By.id("log-rows"), placement);
        assertThat(textOf(By.id("log-rows")))
                .contains("caseworker").contains("/api/placements/" + placement);
        browser.findElement(By.id("log-table")).getLocation();
        browser.executeScript("document.getElementById('access-log').scrollIntoView()");
        screenshot("63-access-log");
    }
}
