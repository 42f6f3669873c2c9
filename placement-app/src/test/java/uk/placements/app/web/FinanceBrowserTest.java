package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finance dashboard (GET /api/funding/spend) in the browser: an analyst sees the year's spend month by month as a
 * chart of actual and forecast with its table, and a provision's figures (pupils on roll, top-ups for the year,
 * empty places); the financial year is picked.
 */
class FinanceBrowserTest extends BrowserTest {

    @Test
    void anAnalystSeesTheYearsSpendAndForecastAndAProvisionsFigures() {
        MoneySetUp money = new MoneySetUp(api);
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        LocalDate from = thisMonth.minusMonths(1).atDay(1);
        String financialYear = MoneySetUp.financialYear(thisMonth.atDay(1));
        String band = MoneySetUp.newBand();
        money.setBand(band, MoneySetUp.financialYear(from), "3600");
        money.setBand(band, financialYear, "3600");
        String provision = money.provisionAt("WEBSPEND", "SEN_UNIT", 4, MoneySetUp.newUrn(), "Spendwell Academy");
        String placement = money.admittedOn(provision, from);
        money.topUp(placement, band, from.toString());
        // the year's top-ups of the provision: £300 a month from the admission (or the year's start) to March
        LocalDate yearStart = LocalDate.of(Integer.parseInt(financialYear.substring(0, 4)), 4, 1);
        LocalDate firstFunded = from.isBefore(yearStart) ? yearStart : from;
        long months = ChronoUnit.MONTHS.between(YearMonth.from(firstFunded), YearMonth.from(yearStart.plusYears(1)));
        String topUps = String.format("£%,d.00", 300 * months);

        signIn("analyst");
        String row = "//table[@id='by-provision-table']//tr[@data-provision='" + provision + "']";
        openUntil("/funding.html", By.xpath(row + "/td[@data-figure='topUps']"), topUps);
        assertThat(textOf(By.id("shown"))).startsWith("Financial year " + financialYear + ", as known at the end of");
        assertThat(textOf(By.xpath(row + "/th"))).isEqualTo("Test provision " + provision + " (" + provision + ")");
        assertThat(textOf(By.xpath(row))).contains("SEN Unit").contains("Primary");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='commissioned']"))).isEqualTo("4");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='onRoll']"))).isEqualTo("1");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='emptyPlaces']"))).isEqualTo("3");
        // one pupil on roll: the cost per pupil is the provision's whole spend
        assertThat(textOf(By.xpath(row + "/td[@data-figure='costPerPupil']")))
                .isEqualTo(textOf(By.xpath(row + "/td[@data-figure='total']")));

        waitFor(By.cssSelector("#spend-chart canvas[data-chart-ready=true]"));
        assertThat(browser.executeScript("const c = window.Chart.getChart(document.querySelector('#spend-chart canvas'));"
                + " return c.data.datasets.map(d => d.label).join(';') + '|' + c.data.labels.length"))
                .isEqualTo("Actual;Forecast|12");
        assertThat(browser.findElements(By.cssSelector("#months-table tbody tr"))).hasSize(13);
        String april = "//table[@id='months-table']//tr[@data-month='" + financialYear.substring(0, 4) + "-04']";
        assertThat(textOf(By.xpath(april + "/th"))).isEqualTo("April " + financialYear.substring(0, 4));
        String next = "//table[@id='months-table']//tr[@data-month='" + thisMonth.plusMonths(1) + "']";
        if (!browser.findElements(By.xpath(next)).isEmpty()) {
            // a month after this one is forecast, not spent
            assertThat(textOf(By.xpath(next + "/td[@data-figure='actual']"))).isIn("£0.00", "–");
            assertThat(textOf(By.xpath(next + "/td[@data-figure='forecast']"))).doesNotContain("–");
        }
        assertThat(textOf(By.id("committed"))).startsWith("£");
        assertThat(textOf(By.xpath("//table[@id='by-type-table']//tr[@data-key='SEN_UNIT']/th"))).isEqualTo("SEN Unit");
        assertThat(textOf(By.xpath("//table[@id='by-need-table']//tr[@data-key='ASD']/th"))).isEqualTo("Autistic spectrum disorder");
        assertThat(textOf(By.id("next-academic-year"))).matches("20\\d\\d-\\d\\d");
        screenshot("81-finance-dashboard");

        // the ledger by academic year: its months from September to this one, their total the sum of the months
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        YearMonth september = YearMonth.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 9);
        String academicYear = september.getYear() + "-" + String.format("%02d", (september.getYear() + 1) % 100);
        assertThat(textOf(By.id("ledger-shown"))).startsWith("Academic year " + academicYear + ", as known at the end of");
        assertThat(browser.findElements(By.cssSelector("#ledger-table tbody tr")))
                .hasSize((int) ChronoUnit.MONTHS.between(september, thisMonth) + 2);
        assertThat(textOf(By.xpath("//table[@id='ledger-table']//tr[@data-month='" + september + "']/th")))
                .isEqualTo("September " + september.getYear());
        for (String figure : java.util.List.of("topUps", "placeFunding", "total")) {
            long pence = browser.findElements(By.xpath("//table[@id='ledger-table']//tr[@data-month!='total']"
                    + "/td[@data-figure='" + figure + "']")).stream()
                    .mapToLong(td -> Long.parseLong(td.getText().replaceAll("[£,.]", ""))).sum();
            assertThat(textOf(By.xpath("//table[@id='ledger-table']//tr[@data-month='total']/td[@data-figure='"
                    + figure + "']"))).as(figure).isEqualTo(String.format("£%,d.%02d", pence / 100, pence % 100));
        }
        new Select(browser.findElement(By.id("ledgerBasis"))).selectByValue("FINANCIAL");
        clickToNewPage(By.id("ledger-button"));
        assertThat(textOf(By.id("ledger-shown"))).startsWith("Financial year " + financialYear + ",");
        assertThat(textOf(By.xpath("//table[@id='ledger-table']//tr[@data-month='" + yearStart.toString()
                .substring(0, 7) + "']/th"))).isEqualTo("April " + yearStart.getYear());

        String previous = (Integer.parseInt(financialYear.substring(0, 4)) - 1) + "-" + financialYear.substring(2, 4);
        new Select(browser.findElement(By.id("financialYear"))).selectByValue(previous);
        clickToNewPage(By.id("period-button"));
        assertThat(textOf(By.id("shown"))).startsWith("Financial year " + previous + ",");
        assertThat(browser.findElements(By.cssSelector("#months-table tbody tr"))).hasSize(13);
    }

    @Test
    void aMalformedDayIsNamedOnTheDateInput() {
        signIn("finance");
        open("/funding.html?asAt=2026-02-30");
        assertThat(textOf(By.cssSelector(".govuk-error-summary"))).contains("As known at");
        assertThat(browser.findElement(By.id("figures")).isDisplayed()).isFalse();
    }
}
