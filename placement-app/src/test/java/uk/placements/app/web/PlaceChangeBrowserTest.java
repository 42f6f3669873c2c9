package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The place-change return in the browser: a provision admin asks for more places, is asked for the reason for the
 * change, then corrects the return to a nil return and is asked why; the CSV has the workbook's columns; an analyst
 * reads the return without forms, and an earlier year is shown as recorded.
 */
class PlaceChangeBrowserTest extends BrowserTest {

    /** The next academic year (September to August), written 2027-28: the one returns are made for. */
    private static String nextAcademicYear() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int start = (today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1) + 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    @Test
    void aProvisionAdminAsksForMorePlacesThenCorrectsItToANilReturn() {
        String provision = new MoneySetUp(api).provisionAt("WEBPCR", "RESOURCE_BASE", 6, MoneySetUp.newUrn(),
                "Larkrise Primary School");
        String year = nextAcademicYear();
        String key = "pc-" + provision;
        Path downloads = downloadsTo();

        signIn("provision-admin");
        openUntil("/place-change.html", By.id("outstanding"), provision);
        assertThat(textOf(By.id("shown"))).startsWith("Places asked for " + year + " against the places of");
        assertThat(textOf(By.xpath("//table[@id='outstanding-table']//tr[@data-provision='" + provision
                + "']/td[@data-figure='currentPlaces']"))).isEqualTo("6");

        browser.findElement(By.cssSelector("#" + key + "-details summary")).click();
        type(key + "-places", "8");
        browser.findElement(By.id(key + "-button")).click();
        assertThat(waitFor(By.id(key + "-errors")).getText()).contains("R-PLACE-CHANGE-REASON")
                .contains("need a reason for the change");
        assertThat(textOf(By.id(key + "-reason-error"))).contains("R-PLACE-CHANGE-REASON");
        screenshot("82-place-change-needs-a-reason");

        new Select(browser.findElement(By.id(key + "-reason"))).selectByVisibleText("Expansion of existing provision");
        type(key + "-note", "A second classroom opens in September");
        browser.findElement(By.id(key + "-button")).click();
        waitForText(By.id("done-banner"), "8 places asked for " + year);
        String row = "//table[@id='returns-table']//tr[@data-provision='" + provision + "']";
        assertThat(textOf(By.xpath(row + "/td[@data-figure='currentPlaces']"))).isEqualTo("6");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='requestedPlaces']"))).isEqualTo("8");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='change']"))).isEqualTo("+2");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='reason']"))).isEqualTo("Expansion of existing provision");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='recorded']"))).startsWith("provision-admin, ");
        assertThat(browser.findElements(By.xpath("//table[@id='outstanding-table']//tr[@data-provision='" + provision
                + "']"))).isEmpty();

        browser.findElement(By.cssSelector("#" + key + "-details summary")).click();
        browser.findElement(By.cssSelector("label[for='" + key + "-nilReturn']")).click();
        assertThat(browser.findElement(By.id(key + "-places")).getAttribute("value")).isEqualTo("6");
        type(key + "-note", "");
        browser.findElement(By.id(key + "-button")).click();
        assertThat(waitFor(By.id(key + "-errors")).getText()).contains("R-PLACE-CHANGE-CORRECTION");
        assertThat(textOf(By.id(key + "-correction-error"))).contains("reason for the correction");

        type(key + "-correction", "The second classroom is delayed a year");
        browser.findElement(By.id(key + "-button")).click();
        waitForText(By.id("done-banner"), "nil return, 6 places");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='requestedPlaces']"))).isEqualTo("6");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='change']"))).isEqualTo("0");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='reason']"))).isEqualTo("Nil return");
        assertThat(textOf(By.xpath(row + "/td[@data-figure='correction']")))
                .isEqualTo("Corrected The second classroom is delayed a year");
        screenshot("83-place-change-corrected");

        browser.findElement(By.id("csv")).click();
        String csv = downloaded(downloads, "place-change-" + year + ".csv");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("URN,School name,Provision ID,Provision name,"
                + "Provision type,");
        assertThat(csv.lines().filter(l -> l.contains(provision))).singleElement().asString()
                .contains("Larkrise Primary School").contains("Resourced provision").contains(",6,6,0,,Yes,");
    }

    @Test
    void anAnalystReadsTheReturnWithoutFormsAndAnEarlierYearIsShownAsRecorded() {
        String provision = new MoneySetUp(api).provisionAt("WEBPCA", "SEN_UNIT", 3, MoneySetUp.newUrn(),
                "Hollins Grove School");
        signIn("analyst");
        openUntil("/place-change.html", By.id("outstanding"), provision);
        assertThat(browser.findElement(By.id("record")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#forms form"))).isEmpty();
        assertThat(browser.findElement(By.id("csv")).isDisplayed()).isTrue();

        browser.executeScript("sessionStorage.clear()");
        signIn("finance");
        open("/place-change.html");
        assertThat(browser.findElement(By.id("record")).isDisplayed()).isTrue();
        String next = nextAcademicYear();
        String earlier = (Integer.parseInt(next.substring(0, 4)) - 1) + "-" + next.substring(2, 4);
        new Select(browser.findElement(By.id("academicYear"))).selectByValue(earlier);
        clickToNewPage(By.id("year-button"));
        assertThat(textOf(By.id("shown"))).startsWith("Places asked for " + earlier);
        assertThat(textOf(By.id("closed-year"))).contains("Returns are made for the next academic year, " + next);
        WebElement record = browser.findElement(By.id("record"));
        assertThat(record.isDisplayed()).isFalse();
    }
}
