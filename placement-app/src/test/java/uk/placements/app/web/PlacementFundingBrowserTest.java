package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A placement's funding on its page (docs/funding.md): a caseworker assigns a band, is refused a band without a value
 * for the year and a change without a reason, then changes it back-dated; the history shows who, when and that it
 * was back-dated. Finance finds an admitted placement on the list without funding, funds it from there without
 * seeing the pupil, and it leaves the list.
 */
class PlacementFundingBrowserTest extends BrowserTest {

    @Test
    void aCaseworkerAssignsABandThenChangesItBackDatedWithAReason() {
        MoneySetUp money = new MoneySetUp(api);
        String low = MoneySetUp.newBand();
        String high = MoneySetUp.newBand();
        String old = MoneySetUp.newBand();
        money.setBand(low, "2026-27", "1600");
        money.setBand(high, "2026-27", "3100");
        money.setBand(old, "2024-25", "900");
        String provision = money.provision("WEBFUND", "RESOURCE_BASE", 5);
        String placement = money.admitted(provision, "2026-09-15");

        signIn("caseworker");
        open("/placement.html?id=" + placement);
        assertThat(textOf(By.id("funding-in-force"))).isEqualTo("None");
        assertThat(textOf(By.id("funding-none"))).contains("list of placements without funding");
        assertThat(textOf(By.id("funding-form-title"))).isEqualTo("Assign a top-up");
        assertThat(browser.findElement(By.id("funding-effectiveFrom-day")).getAttribute("value")).isEqualTo("15");

        new Select(browser.findElement(By.id("funding-band"))).selectByValue(old);
        browser.findElement(By.id("funding-button")).click();
        assertThat(waitFor(By.id("funding-form-errors")).getText()).contains("R-BAND-EXISTS")
                .contains("no value in the tariff for the financial year");
        assertThat(textOf(By.id("funding-band-error"))).contains("R-BAND-EXISTS");

        new Select(browser.findElement(By.id("funding-band"))).selectByValue(low);
        browser.findElement(By.id("funding-button")).click();
        waitForText(By.id("funding-done-banner"), "Top-up assigned: Band " + low + ", £1,600.00 a year, from 15 September 2026");
        assertThat(textOf(By.id("funding-in-force"))).isEqualTo("Band " + low + ", £1,600.00 a year, from 15 September 2026");
        assertThat(textOf(By.id("funding-form-title"))).isEqualTo("Change the top-up");

        new Select(browser.findElement(By.id("funding-band"))).selectByValue(high);
        typeDate("funding-effectiveFrom", "2026-10-01");
        browser.findElement(By.id("funding-button")).click();
        assertThat(waitFor(By.id("funding-form-errors")).getText()).contains("A change of top-up needs a reason")
                .contains("R-FUNDING-REASON");
        assertThat(textOf(By.id("funding-reason-error"))).contains("needs a reason");
        screenshot("75-funding-change-needs-a-reason");

        type("funding-reason", "Annual review of the EHC plan");
        browser.findElement(By.id("funding-button")).click();
        waitForText(By.id("funding-done-banner"), "Top-up changed: Band " + high);
        assertThat(textOf(By.id("funding-in-force"))).isEqualTo("Band " + high + ", £3,100.00 a year, from 1 October 2026");
        String first = "//table[@id='funding-history-table']//tr[@data-sequence='0']";
        String second = "//table[@id='funding-history-table']//tr[@data-sequence='1']";
        assertThat(textOf(By.xpath(first + "/td[@data-figure='change']"))).isEqualTo("Assigned");
        assertThat(textOf(By.xpath(first + "/td[@data-figure='recordedBy']"))).isEqualTo("caseworker");
        assertThat(textOf(By.xpath(second + "/td[@data-figure='topUp']"))).isEqualTo("Band " + high);
        assertThat(textOf(By.xpath(second + "/td[@data-figure='annualValue']"))).isEqualTo("£3,100.00");
        assertThat(textOf(By.xpath(second + "/td[@data-figure='change']"))).isEqualTo("Changed from Band " + low);
        assertThat(textOf(By.xpath(second + "/td[@data-figure='backdated']"))).isEqualTo("Back-dated");
        assertThat(textOf(By.xpath(second + "/td[@data-figure='reason']"))).isEqualTo("Annual review of the EHC plan");
        assertThat(textOf(By.xpath(second + "/td[@data-figure='recordedBy']"))).isEqualTo("caseworker");
        assertThat(textOf(By.xpath(second + "/td[@data-figure='recordedAt']")))
                .matches("\\d{1,2} [A-Z][a-z]+ \\d{4} \\d{2}:\\d{2}");
        screenshot("76-funding-history");

        // the ledger: a twelfth of the annual value a month, pro-rated to the days funded of the days in the month
        String october = "//table[@id='ledger-table']//tr[@data-month='2026-10']";
        openUntil("/placement.html?id=" + placement, By.xpath(october + "/td[@data-figure='pricedBy']"), "Band " + high);
        assertThat(textOf(By.id("funding-in-force"))).startsWith("Band " + high);
        String september = "//table[@id='ledger-table']//tr[@data-month='2026-09']";
        assertThat(textOf(By.xpath(september + "/th"))).isEqualTo("September 2026");
        assertThat(textOf(By.xpath(september + "/td[@data-figure='daysOccupied']"))).isEqualTo("16");
        assertThat(textOf(By.xpath(september + "/td[@data-figure='daysFunded']"))).isEqualTo("16");
        assertThat(textOf(By.xpath(september + "/td[@data-figure='pricedBy']"))).isEqualTo("Band " + low);
        assertThat(textOf(By.xpath(september + "/td[@data-figure='topUp']"))).isEqualTo("£71.11"); // 1600 / 12 x 16 / 30
        assertThat(textOf(By.xpath(october + "/td[@data-figure='daysFunded']"))).isEqualTo("31");
        assertThat(textOf(By.xpath(october + "/td[@data-figure='topUp']"))).isEqualTo("£258.33"); // 3100 / 12
        long pence = browser.findElements(By.xpath("//table[@id='ledger-table']//tr[@data-month!='total']"
                + "/td[@data-figure='topUp']")).stream()
                .mapToLong(td -> Long.parseLong(td.getText().replaceAll("[£,.]", ""))).sum();
        assertThat(textOf(By.xpath("//table[@id='ledger-table']//tr[@data-month='total']/td[@data-figure='topUp']")))
                .isEqualTo(String.format("£%,d.%02d", pence / 100, pence % 100));
        screenshot("79-funding-ledger");
    }

    @Test
    void financeFundsAPlacementFromTheListWithoutFundingAndNeverSeesThePupil() {
        MoneySetUp money = new MoneySetUp(api);
        String band = MoneySetUp.newBand();
        money.setBand(band, "2026-27", "4500");
        String provision = money.provision("WEBUNFUND", "SEN_UNIT", 3);
        String placement = money.admitted(provision, "2026-10-05");
        eventually(() -> money.listedWithoutFunding(provision, placement));

        signIn("finance");
        open("/without-funding.html");
        new Select(browser.findElement(By.id("provisionId"))).selectByValue(provision);
        clickToNewPage(By.id("filters-button"));
        assertThat(textOf(By.id("count"))).startsWith("1 admitted placement has no top-up in force on");
        String row = "//table[@id='without-funding']//tr[@data-placement='" + placement + "']";
        assertThat(textOf(By.xpath(row))).contains("Test provision " + provision).contains("5 October 2026");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='daysWithoutFunding']"))).matches("\\d+");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Hargreaves").doesNotContain("Olivia");
        screenshot("77-without-funding");

        clickToNewPage(By.linkText(placement));
        assertThat(textOf(By.id("pupil-name"))).isEqualTo("Funding of a placement");
        assertThat(textOf(By.id("placement-id"))).isEqualTo(placement);
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Hargreaves").doesNotContain("Olivia");
        new Select(browser.findElement(By.id("funding-band"))).selectByValue(band);
        browser.findElement(By.id("funding-button")).click();
        waitForText(By.id("funding-done-banner"), "Top-up assigned: Band " + band + ", £4,500.00 a year, from 5 October 2026");
        assertThat(textOf(By.xpath("//table[@id='funding-history-table']//tr[@data-sequence='0']/td[@data-figure='recordedBy']")))
                .isEqualTo("finance");
        screenshot("78-finance-funds-a-placement");

        eventually(() -> !money.listedWithoutFunding(provision, placement));
        open("/without-funding.html?provisionId=" + provision);
        assertThat(textOf(By.id("count"))).startsWith("Every admitted placement has a top-up in force on");
        assertThat(browser.findElements(By.xpath("//tr[@data-placement='" + placement + "']"))).isEmpty();
    }
}
