package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.placements.command.http.Api;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates are typed in GOV.UK date inputs (a fieldset and legend, three boxes) and the API's refusal of a date is shown
 * on that date input, with only the wrong box marked when one box is at fault.
 */
class DateInputBrowserTest extends BrowserTest {

    @Test
    void aReferralsDatesAreGovUkDateInputsAndTheApisRefusalLandsOnTheWrongBox() {
        signIn("caseworker");
        open("/refer.html");
        assertThat(browser.findElements(By.cssSelector("input[type=date]"))).isEmpty();
        WebElement dob = browser.findElement(By.id("pupil-dateOfBirth"));
        assertThat(dob.getAttribute("class")).contains("govuk-date-input");
        assertThat(dob.findElement(By.xpath("ancestor::fieldset[1]/legend")).getText()).isEqualTo("Date of birth");
        assertThat(dob.findElements(By.cssSelector(".govuk-date-input__item .govuk-date-input__input"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("label[for='pupil-dateOfBirth-month']")).getText())
                .isEqualTo("Month");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(browser.findElement(By.id("referredOn-year")).getAttribute("value")).isEqualTo(today.substring(0, 4));

        type("pupil-upn", Api.newUpn());
        type("pupil-givenName", "Olivia");
        type("pupil-familyName", "Hargreaves");
        type("pupil-dateOfBirth-day", "14");
        type("pupil-dateOfBirth-year", "2017");
        type("yearGroup", "3");
        browser.findElement(By.cssSelector("#primaryNeed option[value=ASD]")).click();
        type("homeSchoolUrn", "200002");
        browser.findElement(By.id("refer-button")).click();
        assertThat(waitFor(By.id("pupil-dateOfBirth-error")).getText()).contains("Date of birth must include a month");
        assertThat(marked("pupil-dateOfBirth")).containsExactly("month");
        WebElement link = browser.findElement(By.cssSelector("#referral-errors a"));
        assertThat(link.getAttribute("href")).endsWith("#pupil-dateOfBirth-month");
        screenshot("24-refer-date-missing-month");
        link.click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("pupil-dateOfBirth-month");

        type("pupil-dateOfBirth-day", "30");
        type("pupil-dateOfBirth-month", "2");
        browser.findElement(By.id("refer-button")).click();
        waitForText(By.id("pupil-dateOfBirth-error"), "Date of birth must be a real date");
        assertThat(marked("pupil-dateOfBirth")).containsExactly("day", "month", "year");
        assertThat(browser.findElement(By.id("pupil-dateOfBirth")).findElement(By.xpath("ancestor::fieldset[1]"))
                .getAttribute("aria-describedby")).contains("pupil-dateOfBirth-error");
        screenshot("25-refer-date-not-a-date");

        type("pupil-dateOfBirth-day", "14");
        type("pupil-dateOfBirth-month", "5");
        browser.findElement(By.id("refer-button")).click();
        waitForText(By.id("status"), "Referred");
        assertThat(browser.findElement(By.id("facts")).getText()).containsPattern("Referred on\\s+" + today);
    }

    @Test
    void aDashboardsAsAtDateIsADateInputAndAnImpossibleDateIsShownOnIt() {
        signIn("analyst");
        open("/capacity.html");
        assertThat(browser.findElement(By.cssSelector("#as-at legend")).getText()).isEqualTo("As at");
        typeDate("asOf", "2026-09-30");
        type("asOf-day", "31");
        clickToNewPage(By.id("as-at-button"));
        assertThat(browser.getCurrentUrl()).contains("asOf=2026-09-31");
        assertThat(waitFor(By.id("asOf-error")).getText()).contains("As at must be a real date");
        assertThat(marked("asOf")).containsExactly("day", "month", "year");
        screenshot("26-capacity-as-at-not-a-date");

        typeDate("asOf", "2026-09-01");
        clickToNewPage(By.id("as-at-button"));
        assertThat(browser.findElement(By.id("shown-as-at")).getText()).isEqualTo("Figures as at 2026-09-01.");
        assertThat(browser.findElements(By.id("asOf-error"))).isEmpty();
    }

    /** The boxes of a date input marked as in error. */
    private List<String> marked(String id) {
        return browser.findElements(By.cssSelector("#" + id + " .govuk-input--error")).stream()
                .map(box -> box.getAttribute("data-date-part")).toList();
    }
}
