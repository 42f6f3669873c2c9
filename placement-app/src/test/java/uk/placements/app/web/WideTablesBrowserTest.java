package uk.placements.app.web;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wide tables on a laptop (1300 x 900): the inclusion, capacity, caseload and finance tables show every column, or
 * scroll inside their own box with their first column kept in view; the page itself never scrolls sideways.
 */
class WideTablesBrowserTest extends BrowserTest {

    @Test
    void everyColumnIsInViewOrReachableByItsTablesScrollAt1300Pixels() {
        MoneySetUp money = new MoneySetUp(api);
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        LocalDate from = thisMonth.minusMonths(1).atDay(1);
        String band = MoneySetUp.newBand();
        money.setBand(band, MoneySetUp.financialYear(from), "3600");
        money.setBand(band, MoneySetUp.financialYear(thisMonth.atDay(1)), "3600");
        String provision = money.provisionAt("WEBWIDE", "RESOURCE_BASE", 6, MoneySetUp.newUrn(),
                "Saint Bartholomew-the-Great Church of England Primary Academy");
        String placement = money.admittedOn(provision, from);
        money.topUp(placement, band, from.toString());
        eventually(() -> api.get("analyst", "/api/dashboard/inclusion").body().contains(provision));

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("inclusion", "/inclusion.html");
        pages.put("bases", "/bases.html");
        pages.put("capacity", "/capacity.html");
        pages.put("caseload", "/caseload.html");
        pages.put("finance", "/funding.html");
        pages.put("provisions", "/provisions.html");

        browser.manage().window().setSize(new Dimension(1300, 900));
        signIn("admin");
        SoftAssertions softly = new SoftAssertions();
        pages.forEach((name, path) -> {
            openUntil(path, By.tagName("main"), name.equals("finance") ? provision : "");
            List<String> problems = tableProblems();
            softly.assertThat(problems).as(name + " at 1300 px").isEmpty();
            softly.assertThat(browser.findElements(By.cssSelector("main table")).stream().filter(t -> t.isDisplayed()).count())
                    .as(name + " has tables").isPositive();
            screenshot("56-wide-" + name + "-1300");
        });
        softly.assertAll();

        // the inclusion table, "cut off at 1300 px": each of its 14 headings can be brought into view
        open("/inclusion.html");
        assertThat(browser.findElements(By.cssSelector("#inclusion thead th"))).hasSize(14);
        Object scroll = browser.executeScript("""
                const box = document.querySelector('#inclusion').closest('.app-table-scroll');
                return [box.scrollWidth, box.clientWidth, getComputedStyle(box).overflowX];""");
        List<?> figures = (List<?>) scroll;
        long scrollWidth = ((Number) figures.get(0)).longValue();
        long clientWidth = ((Number) figures.get(1)).longValue();
        assertThat(scrollWidth <= clientWidth || "auto".equals(figures.get(2)))
                .as("the inclusion table fits (%d of %d px) or scrolls in its box", scrollWidth, clientWidth).isTrue();
        browser.executeScript("const t = document.querySelector('#inclusion thead th:last-child'); t.scrollIntoView({inline: 'end'});");
        screenshot("57-wide-inclusion-scrolled");

        // the look-out sees a table cut off, as it was: a box narrower than its table that does not scroll
        browser.executeScript("const box = document.querySelector('#inclusion').closest('.app-table-scroll');"
                + "box.style.width = '500px'; box.style.overflowX = 'hidden';");
        assertThat(tableProblems()).contains("#inclusion is cut off: its box does not scroll")
                .anyMatch(p -> p.startsWith("#inclusion: the heading \"Therapy hours per pupil\" cannot be scrolled"));
    }
}
