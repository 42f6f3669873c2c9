package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.placements.command.http.Api;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A caseworker takes a pupil from referral to mainstream in the browser, and refusals land next to their fields. */
class CaseworkerJourneyBrowserTest extends BrowserTest {

    @Test
    void caseworkerRefersOffersAdmitsChangesSplitAndMovesToMainstream() {
        String provision = api.commission(Api.newProvisionId("WEB"), "RESOURCE_BASE", 3);
        String upn = Api.newUpn();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        open("/index.html");
        waitFor(By.id("sign-in"));
        screenshot("01-sign-in");
        signIn("caseworker");
        screenshot("02-home-caseworker");

        open("/refer.html");
        waitFor(By.id("referral"));
        type("pupil-upn", "NOT-A-UPN");
        type("pupil-givenName", "Amelia-Rose Featherstonehaugh-Beauchamp");
        type("pupil-familyName", "Abernethy-Lindqvist-Quarshie");
        typeDate("pupil-dateOfBirth", "2017-05-14");
        type("yearGroup", "3");
        browser.findElement(By.cssSelector("#primaryNeed option[value=ASD]")).click();
        type("homeSchoolUrn", "200002");
        browser.findElement(By.id("refer-button")).click();
        assertThat(waitFor(By.id("pupil-upn-error")).getText()).contains("pupil.upn");
        assertThat(browser.findElement(By.cssSelector(".govuk-error-summary a[href='#pupil-upn']")).isDisplayed())
                .isTrue();
        screenshot("03-refer-refused-upn");

        type("pupil-upn", upn);
        typeDate("referredOn", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
        browser.findElement(By.id("refer-button")).click();
        assertThat(waitFor(By.id("referredOn-error")).getText()).contains("R-DATE-ORDER");
        assertThat(browser.findElements(By.id("pupil-upn-error"))).isEmpty();
        screenshot("04-refer-refused-future-date");

        typeDate("referredOn", today);
        browser.findElement(By.id("refer-button")).click();
        waitForText(By.id("status"), "Referred");
        assertThat(browser.findElement(By.id("pupil-name")).getText()).contains("Featherstonehaugh");
        screenshot("05-placement-referred");

        browser.findElement(By.cssSelector("input[name=provisionId][value='" + provision + "']")).click();
        browser.findElement(By.id("offer-button")).click();
        waitForText(By.id("status"), "Offered");
        assertThat(browser.findElement(By.id("facts")).getText()).contains(provision);
        screenshot("06-placement-offered");

        browser.findElement(By.id("admission-button")).click();
        waitForText(By.id("status"), "Admitted");
        assertThat(browser.findElement(By.id("facts")).getText()).contains("50%");
        screenshot("07-placement-admitted");

        type("mainstreamPercent", "70");
        browser.findElement(By.id("time-split-button")).click();
        waitForText(By.id("facts"), "70%");
        screenshot("08-placement-split-changed");

        browser.findElement(By.id("move-to-mainstream-button")).click();
        waitForText(By.id("status"), "Moved to mainstream");
        assertThat(browser.findElements(By.cssSelector("#actions form"))).isEmpty();
        assertThat(browser.findElement(By.id("timeline")).getText()).contains(today);
        screenshot("09-placement-moved-to-mainstream");

        open("/caseload.html?q=" + upn);
        waitForText(By.id("rows"), upn);
        assertThat(browser.findElement(By.id("rows")).getText()).contains("Moved to mainstream");
        screenshot("10-caseload-search");

        open("/caseload.html?status=REFERRED");
        assertThat(browser.findElement(By.id("rows")).getText()).doesNotContain(upn);

        open("/caseload.html");
        browser.findElement(By.cssSelector("#status option[value=MOVED_TO_MAINSTREAM]")).click();
        browser.findElement(By.cssSelector("#provisionId option[value='" + provision + "']")).click();
        browser.findElement(By.cssSelector("#need option[value=ASD]")).click();
        browser.findElement(By.cssSelector("#yearGroup option[value='3']")).click();
        browser.findElement(By.cssSelector("#type option[value=RESOURCE_BASE]")).click();
        browser.findElement(By.id("apply-filters")).click();
        waitForText(By.id("count"), "1 placement,");
        assertThat(browser.findElement(By.id("rows")).getText()).contains(upn);
        assertThat(browser.getCurrentUrl()).contains("provisionId=" + provision).contains("yearGroup=3");
        screenshot("12-caseload-filtered");
    }

    @Test
    void refusedOfferShowsThePlainReasonNextToTheProvision() {
        String full = api.commission(Api.newProvisionId("WEBFULL"), "RESOURCE_BASE", 1);
        api.offer(api.refer(Api.newUpn()), full);
        String placement = api.refer(Api.newUpn());

        signIn("caseworker");
        open("/placement.html?id=" + placement + "&minVersion=0");
        waitForText(By.id("status"), "Referred");
        browser.findElement(By.cssSelector("input[name=provisionId][value='" + full + "']")).click();
        browser.findElement(By.id("offer-button")).click();

        assertThat(waitFor(By.id("overCapacityReason-error")).getText()).contains("R-CAPACITY");
        assertThat(browser.findElement(By.id("overCapacityDecidedBy")).isDisplayed()).isTrue();
        screenshot("11-offer-refused-capacity");

        type("overCapacityReason", "Named in the EHC plan: the school must admit (CFA 2014 s.43)");
        type("overCapacityDecidedBy", "Head of SEND");
        browser.findElement(By.id("offer-button")).click();
        waitForText(By.id("status"), "Offered");
        assertThat(api.get("caseworker", "/api/provisions/" + full).json().get("overCapacity").asInt()).isEqualTo(1);
        screenshot("13-placement-offered-over-capacity");
    }
}
