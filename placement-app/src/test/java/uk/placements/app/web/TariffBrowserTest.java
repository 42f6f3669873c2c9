package uk.placements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tariff page (docs/funding.md): finance sets a band value, is asked for a reason to correct it and sees the
 * refusals the rules answer; sets a place rate and a provision's own rate; a caseworker reads it and cannot change it.
 */
class TariffBrowserTest extends BrowserTest {

    private String bandRow(String band) {
        return "//table[@id='bands']//tr[@data-key='" + band + "']";
    }

    @Test
    void financeSetsABandValueThenCorrectsItOnlyWithAReason() {
        String band = MoneySetUp.newBand();
        signIn("finance");
        open("/tariff.html");
        assertThat(browser.findElement(By.id("read-only")).isDisplayed()).isFalse();

        type("band-band", band);
        type("band-financialYear", "2026-27");
        type("band-annualValue", "0");
        browser.findElement(By.id("band-button")).click();
        assertThat(waitFor(By.id("band-errors")).getText())
                .contains("The value must be above zero").contains("R-POSITIVE");
        assertThat(textOf(By.id("band-annualValue-error"))).contains("above zero");
        screenshot("70-tariff-refused-zero");

        type("band-annualValue", "£3,100");
        browser.findElement(By.id("band-button")).click();
        waitForText(By.id("done-banner"), "Band " + band + " for 2026-27: £3,100.00");
        assertThat(textOf(By.xpath(bandRow(band) + "/td[@data-figure='value']"))).isEqualTo("£3,100.00");
        assertThat(textOf(By.xpath(bandRow(band)))).contains("2026-27").contains("1 April 2026").contains("31 March 2027");

        browser.findElement(By.xpath(bandRow(band) + "//button[contains(., 'Correct')]")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("band-annualValue");
        assertThat(textOf(By.id("band-existing")))
                .isEqualTo("Band " + band + " has £3,100.00 for 2026-27. Saving a new value corrects it: give a reason.");
        type("band-annualValue", "3250.50");
        browser.findElement(By.id("band-button")).click();
        assertThat(waitFor(By.id("band-errors")).getText()).contains("R-NO-OVERLAP").contains("needs a reason");
        assertThat(textOf(By.id("band-reason-error"))).contains("a correction needs a reason");
        assertThat(textOf(By.xpath(bandRow(band) + "/td[@data-figure='value']"))).isEqualTo("£3,100.00");
        screenshot("71-tariff-correction-needs-a-reason");

        type("band-reason", "Schools forum uplift agreed in January");
        browser.findElement(By.id("band-button")).click();
        waitForText(By.id("done-banner"), "£3,250.50");
        assertThat(textOf(By.id("done-banner"))).contains("Corrected from £3,100.00");
        assertThat(textOf(By.xpath(bandRow(band) + "/td[@data-figure='value']"))).isEqualTo("£3,250.50");
        assertThat(browser.findElements(By.id("band-errors"))).isEmpty();
        screenshot("72-tariff-corrected");
        assertThat(api.get("finance", "/api/funding/tariff").body())
                .contains("{\"band\":\"" + band + "\",\"financialYear\":\"2026-27\",\"from\":\"2026-04-01\","
                        + "\"to\":\"2027-03-31\",\"annualValue\":3250.50}");
    }

    @Test
    void financeSetsAPlaceRateAndAProvisionsOwnRateAndAMalformedYearIsNamed() {
        String year = unusedAcademicYear("SEN_UNIT");
        String provision = new MoneySetUp(api).provision("WEBRATE", "RESOURCE_BASE", 4);
        signIn("finance");
        open("/tariff.html");

        new Select(browser.findElement(By.id("place-rate-type"))).selectByVisibleText("SEN Unit");
        type("place-rate-academicYear", year.substring(0, 5) + "99");
        type("place-rate-perPlace", "6000");
        browser.findElement(By.id("place-rate-button")).click();
        assertThat(waitFor(By.id("place-rate-errors")).getText()).contains("Academic year must be two years in a row");
        assertThat(textOf(By.id("place-rate-academicYear-error"))).contains("written like 2026-27");

        type("place-rate-academicYear", year);
        browser.findElement(By.id("place-rate-button")).click();
        waitForText(By.id("done-banner"), "SEN Unit for " + year + ": £6,000.00");
        WebElement rate = browser.findElement(By.xpath(
                "//table[@id='place-rates']//tr[@data-key='SEN_UNIT'][@data-period='" + year + "']"));
        assertThat(rate.getText()).contains("SEN Unit").contains("£6,000.00").contains("1 September " + year.substring(0, 4));

        new Select(browser.findElement(By.id("provision-rate-provisionId")))
                .selectByValue(provision);
        type("provision-rate-financialYear", "2026-27");
        type("provision-rate-annualValue", "5200");
        browser.findElement(By.id("provision-rate-button")).click();
        waitForText(By.id("done-banner"), "Test provision " + provision + " (" + provision + ") for 2026-27: £5,200.00");
        assertThat(textOf(By.xpath("//table[@id='provision-rates']//tr[@data-key='" + provision + "']")))
                .contains("Test provision " + provision).contains("£5,200.00");
        screenshot("73-tariff-rates");
    }

    @Test
    void aCaseworkerReadsTheTariffButCannotChangeIt() {
        String band = MoneySetUp.newBand();
        new MoneySetUp(api).setBand(band, "2026-27", "1600");
        signIn("caseworker");
        open("/tariff.html");
        assertThat(textOf(By.id("read-only"))).contains("Finance sets and corrects");
        assertThat(textOf(By.xpath(bandRow(band) + "/td[@data-figure='value']"))).isEqualTo("£1,600.00");
        assertThat(browser.findElements(By.cssSelector("form")).stream().filter(WebElement::isDisplayed)).isEmpty();
        assertThat(browser.findElements(By.xpath("//table//button"))).isEmpty();
        screenshot("74-tariff-read-only");
    }

    @Test
    void aBandIsSetAndCorrectedWithTheKeyboardAlone() {
        String band = MoneySetUp.newBand();
        signIn("finance");
        open("/tariff.html");
        tabTo(browser.findElement(By.id("band-band")));
        press(band, Keys.TAB, "2026-27", Keys.TAB, "1600", Keys.ENTER);
        waitForText(By.id("done-banner"), "Band " + band + " for 2026-27: £1,600.00");
        assertThat(focused()).as("focus moves to the banner saying what was done").isEqualTo("done-banner");

        tabTo(browser.findElement(By.xpath(bandRow(band) + "//button")));
        press(Keys.ENTER);
        assertThat(focused()).as("the Correct button takes focus to the value").isEqualTo("band-annualValue");
        press("1650", Keys.ENTER);
        waitFor(By.id("band-errors"));
        assertThat(focused()).as("focus moves to the error summary").isEqualTo("band-errors");
        press(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("href")).endsWith("#band-reason");
        press(Keys.ENTER);
        assertThat(focused()).as("the summary's link takes focus to the reason").isEqualTo("band-reason");
        press("Uplift agreed by the schools forum", Keys.TAB, Keys.ENTER);
        waitForText(By.id("done-banner"), "Corrected from £1,600.00");
        assertThat(textOf(By.xpath(bandRow(band) + "/td[@data-figure='value']"))).isEqualTo("£1,650.00");
    }

    private void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private String focused() {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    /** Presses Tab until the element has focus, as a keyboard user moves through the page. */
    private void tabTo(WebElement target) {
        for (int i = 0; i < 1000 && !browser.switchTo().activeElement().equals(target); i++) {
            press(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement()).as("Tab reaches " + target).isEqualTo(target);
    }

    /** An academic year without a place rate for the type: the tariff is shared by every test of the run. */
    private String unusedAcademicYear(String type) {
        JsonNode rates = api.get("finance", "/api/funding/tariff").json().get("placeRates");
        for (;;) {
            int start = ThreadLocalRandom.current().nextInt(2040, 2098);
            String year = start + "-" + (start + 1) % 100;
            boolean taken = false;
            for (JsonNode r : rates) {
                taken |= r.get("type").asText().equals(type) && r.get("academicYear").asText().equals(year);
            }
            if (!taken) {
                return year;
            }
        }
    }
}
