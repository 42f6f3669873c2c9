package uk.placements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.placements.command.http.Api;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's charts (Chart.js from its WebJar, each with a table of the same figures), the waiting-list and
 * inclusion dashboards (the capacity page's live updates: {@link LiveCapacityBrowserTest}).
 */
class DashboardChartsBrowserTest extends BrowserTest {

    @Test
    void theCapacityPageDrawsAChartNextToItsTable() {
        String provision = api.commission(Api.newProvisionId("WEBCHART"), "SEN_UNIT", 5);
        eventually(() -> api.get("analyst", "/api/dashboard/capacity").body().contains(provision));

        signIn("analyst");
        open("/capacity.html");
        waitFor(By.cssSelector("#capacity-chart canvas[data-chart-ready=true]"));
        assertThat(browser.executeScript(
                "return window.Chart.getChart(document.querySelector('#capacity-chart canvas')).data.datasets"
                        + ".map(d => d.label).join(';')"))
                .isEqualTo("Commissioned;On roll;Offers out");
        assertThat(textOf(By.xpath("//table[@id='by-provision']//tr[td[contains(., '" + provision
                + "')]]/td[@data-figure='commissioned']"))).isEqualTo("5");
        screenshot("51-capacity-chart");
    }

    @Test
    void theWaitingListShowsTheApisFigures() {
        api.refer(Api.newUpn());
        signIn("analyst");
        open("/waiting-list.html");
        waitFor(By.cssSelector("#waiting-chart canvas[data-chart-ready=true]"));
        JsonNode list = api.get("analyst", "/api/dashboard/waiting-list").json();
        screenshot("52-waiting-list");

        WebElement total = browser.findElement(By.xpath("//table[@id='waiting']//tr[th[.='Total']]"));
        assertThat(figure(total, "count")).isEqualTo(list.get("total").get("count").asText());
        assertThat(list.get("groups")).isNotEmpty();
        for (JsonNode group : list.get("groups")) {
            WebElement row = browser.findElement(By.cssSelector("#waiting tr[data-need='"
                    + group.get("primaryNeed").asText() + "'][data-year='" + group.get("yearGroup").asText() + "']"));
            assertThat(figure(row, "count")).isEqualTo(group.get("waiting").get("count").asText());
            assertThat(figure(row, "maxDays")).isEqualTo(group.get("waiting").get("maxDays").asText());
        }
    }

    @Test
    void theInclusionDashboardShowsTheApisFigures() {
        String provision = api.commission(Api.newProvisionId("WEBINCL"), "SEN_UNIT", 3);
        eventually(() -> api.get("analyst", "/api/dashboard/inclusion").body().contains(provision));
        signIn("analyst");
        open("/inclusion.html");
        waitFor(By.cssSelector("#inclusion-chart canvas[data-chart-ready=true]"));
        JsonNode dashboard = api.get("analyst", "/api/dashboard/inclusion").json();
        screenshot("53-inclusion");

        assertThat(dashboard.get("provisions")).isNotEmpty();
        for (JsonNode p : dashboard.get("provisions")) {
            WebElement row = browser.findElement(By.cssSelector("#inclusion tr[data-provision='"
                    + p.get("provisionId").asText() + "']"));
            for (String f : List.of("onRoll", "splitIncreases", "splitDecreases", "movesToMainstream")) {
                assertThat(figure(row, f)).as(p.get("provisionId").asText() + " " + f).isEqualTo(p.get(f).asText());
            }
        }
    }

    private static String figure(WebElement row, String figure) {
        return row.findElement(By.cssSelector("[data-figure=" + figure + "]")).getText();
    }
}
