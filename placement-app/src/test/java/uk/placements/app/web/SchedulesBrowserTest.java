package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.placements.command.http.Api;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment schedules in the browser (docs/funding.md): finance picks a month and sees a school's top-ups due and its
 * adjustment for an earlier month funded late, downloads the school's CSV and the anonymous CSV for all schools (placement
 * ids, no names) and the named CSV, whose download the access log records; an admin is not offered the named file.
 */
class SchedulesBrowserTest extends BrowserTest {

    /** A school of its own with one pupil admitted on the first of last month, funded (late) from then at £3,600. */
    private record Funded(String urn, String school, String placement, YearMonth month) {
    }

    private Funded fundedLastMonth(String school) {
        MoneySetUp money = new MoneySetUp(api);
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        LocalDate from = month.minusMonths(1).atDay(1);
        String band = MoneySetUp.newBand();
        money.setBand(band, MoneySetUp.financialYear(from), "3600");
        money.setBand(band, MoneySetUp.financialYear(month.atDay(1)), "3600");
        String urn = MoneySetUp.newUrn();
        String provision = money.provisionAt("WEBSCHED", "RESOURCE_BASE", 4, urn, school);
        String placement = money.admittedOn(provision, from);
        money.topUp(placement, band, from.toString());
        return new Funded(urn, school, placement, month);
    }

    @Test
    void financeSeesAMonthsScheduleBySchoolAndDownloadsItsFiles() {
        Instant start = Instant.now().minusSeconds(1);
        Funded f = fundedLastMonth("Webley Park Primary School");
        Path downloads = downloadsTo();

        signIn("finance");
        String row = "//table[@id='schools-table']//tr[@data-urn='" + f.urn() + "']";
        openUntil("/schedules.html", By.xpath(row + "/td[@data-figure='total']"), "£600.00");
        assertThat(textOf(By.xpath(row + "/th"))).isEqualTo(f.school());
        assertThat(textOf(By.xpath(row + "/td[@data-figure='placements']"))).isEqualTo("1");
        // this month in full (an open place runs to the end of the month shown) and last month's, funded only now
        assertThat(textOf(By.xpath(row + "/td[@data-figure='due']"))).isEqualTo("£300.00");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='adjustments']"))).isEqualTo("£300.00");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='total']"))).isEqualTo("£600.00");
        assertThat(textOf(By.id("provisional-note"))).contains("Provisional").contains("has not ended");
        assertThat(textOf(By.id("named"))).contains("recorded in the access log");
        screenshot("80-payment-schedule");

        assertThat(browser.findElement(By.id("csv-" + f.urn())).getAttribute("href"))
                .endsWith("/api/funding/schedules/" + f.month() + ".csv?urn=" + f.urn());
        browser.findElement(By.id("csv-" + f.urn())).click();
        String school = downloaded(downloads, "payment-schedule-" + f.month() + "-" + f.urn() + ".csv");
        assertThat(school.lines().findFirst().orElseThrow()).startsWith("urn,school,schedule_month,line,for_month,"
                + "placement_id,provision_id,days_funded").doesNotContain("pupil_name");
        assertThat(school.lines().skip(1)).hasSize(2).allMatch(l -> l.startsWith(f.urn() + ",") && l.contains(f.placement()));
        assertThat(school).contains(",DUE," + f.month() + ",").contains(",ADJUSTMENT," + f.month().minusMonths(1) + ",")
                .doesNotContain("Hargreaves");

        browser.findElement(By.id("csv-all")).click();
        String all = downloaded(downloads, "payment-schedule-" + f.month() + ".csv");
        assertThat(all).contains(f.placement()).doesNotContain("Hargreaves").doesNotContain("pupil_name");

        browser.findElement(By.id("csv-named")).click();
        String named = downloaded(downloads, "payment-schedule-" + f.month() + "-named.csv");
        assertThat(named.lines().findFirst().orElseThrow()).endsWith(",pupil_name");
        assertThat(named.lines().filter(l -> l.contains(f.placement()))).isNotEmpty()
                .allMatch(l -> l.endsWith(",Olivia Hargreaves"));
        assertThat(browser.findElements(By.cssSelector("#download-problem .govuk-error-summary"))).isEmpty();

        Api.Answer log = api.get("auditor", "/api/audit/access-log?user=finance&from=" + start);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body()).contains(f.placement()).contains("/api/funding/schedules/" + f.month() + ".csv");
    }

    @Test
    void anEarlierMonthIsPickedAndAnAdminIsNotOfferedTheNamedFile() {
        Funded f = fundedLastMonth("Admiral Road Junior School");
        signIn("admin");
        openUntil("/schedules.html", By.xpath("//tr[@data-urn='" + f.urn() + "']/td[@data-figure='total']"), "£600.00");
        assertThat(browser.findElement(By.id("named")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.id("csv-named"))).isEmpty();
        assertThat(browser.findElement(By.id("csv-all")).isDisplayed()).isTrue();

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("month")))
                .selectByValue(f.month().minusMonths(1).toString());
        clickToNewPage(By.id("month-button"));
        // last month's schedule as known when it ended: nothing had been recorded for this school by then
        assertThat(textOf(By.id("shown"))).startsWith(
                f.month().minusMonths(1).getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK));
        assertThat(browser.findElements(By.xpath("//tr[@data-urn='" + f.urn() + "']"))).isEmpty();
        assertThat(browser.findElements(By.id("provisional-note"))).isEmpty();
    }
}
