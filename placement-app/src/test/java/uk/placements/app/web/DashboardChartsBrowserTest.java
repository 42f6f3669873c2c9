package uk.placements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.placements.command.http.Api;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's charts (Chart.js from its WebJar, each with a table of the same figures), the waiting-list and
 * inclusion dashboards, and the capacity page's live updates from the capacity stream.
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
        assertThat(browser.findElement(By.xpath("//table[@id='by-provision']//tr[td[contains(., '" + provision
                + "')]]/td[@data-figure='commissioned']")).getText()).isEqualTo("5");
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

    @Test
    void anOfferShowsOnTheOpenCapacityPageWithinSeconds() {
        String provision = api.commission(Api.newProvisionId("WEBLIVE"), "SEN_UNIT", 4);
        eventually(() -> api.get("analyst", "/api/dashboard/capacity").body().contains(provision));
        signIn("analyst");
        open("/capacity.html");
        waitFor(By.cssSelector("body[data-live=true] #live"));
        By offers = By.xpath("//table[@id='by-provision']//tr[td[contains(., '" + provision
                + "')]]/td[@data-figure='offersOutstanding']");
        assertThat(browser.findElement(offers).getText()).isEqualTo("0");

        assertThat(api.offer(api.refer(Api.newUpn()), provision).status()).isEqualTo(200);

        try {
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(b -> "1".equals(b.findElement(offers).getText()));
        } catch (TimeoutException e) {
            screenshot("failed-live-" + System.currentTimeMillis());
            throw new AssertionError("the offer did not show on the open page: " + e.getMessage(), e);
        }
        assertThat(browser.executeScript("const c = window.Chart.getChart(document.querySelector('#capacity-chart canvas'));"
                + " const i = c.data.labels.findIndex(l => l.includes(arguments[0]));"
                + " return c.data.datasets[2].data[i];", provision)).isEqualTo(1L);
        screenshot("54-capacity-live");
    }

    private static String figure(WebElement row, String figure) {
        return row.findElement(By.cssSelector("[data-figure=" + figure + "]")).getText();
    }
}
