package uk.placements.app.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each role sees the menus of its jobs and no others; sign-out forgets the credentials. */
class MenusByRoleBrowserTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "caseworker      | Caseload;Refer a pupil;Provisions;Without funding",
            "provision-admin | Provisions;Place-change return",
            "auditor         | Provisions;Audit",
            "analyst         | Provisions;Capacity;Waiting list;Inclusion;Inclusion bases;Finance;Place-change return;Returns",
            "returns         | Returns",
            "finance         | Without funding;Finance;Tariff;Payment schedules;Place-change return",
            "admin           | Caseload;Refer a pupil;Provisions;Capacity;Waiting list;Inclusion;Inclusion bases;Audit;Without funding;"
                    + "Finance;Tariff;Payment schedules;Place-change return;Returns"})
    void eachRoleSeesOnlyItsMenus(String user, String menus) {
        signIn(user);
        List<String> shown = browser.findElements(By.cssSelector("#menu-list a")).stream()
                .map(WebElement::getText).toList();
        assertThat(shown).containsExactlyElementsOf(Arrays.asList(menus.split(";")));
        screenshot("20-home-" + user);

        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("sign-in"));
        assertThat(browser.executeScript("return sessionStorage.length")).isEqualTo(0L);
        open("/caseload.html");
        waitFor(By.id("sign-in"));
    }

    @Test
    void aWrongPasswordIsRefusedOnTheSignInPage() {
        open("/index.html");
        type("user", "caseworker");
        type("password", "wrong");
        browser.findElement(By.id("sign-in-button")).click();
        assertThat(waitFor(By.cssSelector(".govuk-error-summary")).getText()).contains("not right");
        screenshot("21-sign-in-refused");
    }
}
