package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import uk.placements.command.http.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker refers a pupil with the keyboard alone (Tab, typing, Enter; no clicks): a refusal moves focus to the
 * error summary, and its link takes focus to the field to fix.
 */
class KeyboardOnlyBrowserTest extends BrowserTest {

    @Test
    void aPupilIsReferredWithTheKeyboardAlone() {
        String upn = Api.newUpn();
        signIn("caseworker");
        open("/refer.html");

        tabTo("pupil-upn");
        press("NOT-A-UPN", Keys.TAB, "Keyboard", Keys.TAB, "Only", Keys.TAB);
        assertThat(focused()).isEqualTo("pupil-dateOfBirth-day");
        press("14", Keys.TAB, "5", Keys.TAB, "2017", Keys.TAB, "3", Keys.TAB, "A");
        assertThat(focused()).isEqualTo("primaryNeed");
        tabTo("homeSchoolUrn");
        press("200002", Keys.ENTER);

        waitFor(By.id("referral-errors"));
        assertThat(focused()).as("focus moves to the error summary").isEqualTo("referral-errors");
        screenshot("27-refer-keyboard-error-summary");
        press(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("href")).endsWith("#pupil-upn");
        press(Keys.ENTER);
        assertThat(focused()).as("the summary's link takes focus to the field").isEqualTo("pupil-upn");
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(upn, Keys.ENTER).perform();

        waitForText(By.id("status"), "Referred");
        assertThat(browser.findElement(By.id("pupil-name")).getText()).isEqualTo("Keyboard Only");
        assertThat(browser.findElement(By.id("facts")).getText()).contains(upn).contains("Autistic spectrum disorder");
    }

    private void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private String focused() {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    /** Presses Tab until the field has focus, as a keyboard user moves through the page. */
    private void tabTo(String id) {
        for (int i = 0; i < 40 && !id.equals(focused()); i++) {
            press(Keys.TAB);
        }
        assertThat(focused()).as("Tab reaches " + id).isEqualTo(id);
    }
}
