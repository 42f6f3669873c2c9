package uk.placements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.placements.command.http.Api;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages already open follow commands sent through the API, without a reload, over the capacity stream: the capacity
 * dashboard's rows, totals and chart, a provision's capacity figures and the provisions list.
 */
class LiveCapacityBrowserTest extends BrowserTest {

    @Test
    void theCapacityDashboardsRowsTotalsAndChartFollowAnOfferAndAChangeOfPlaces() {
        String provision = api.commission(Api.newProvisionId("WEBLIVE"), "SEN_UNIT", 4);
        eventually(() -> api.get("analyst", "/api/dashboard/capacity").body().contains(provision));
        signIn("analyst");
        open("/capacity.html");
        waitFor(By.cssSelector("body[data-live=true] #live"));
        browser.executeScript("window.sameDocument = true");
        int offers = total("by-type", "total", "offersOutstanding");
        int vacancies = total("by-type", "total", "vacancies");
        int commissioned = total("by-phase", "total", "commissioned");
        int unitOffers = total("by-type", "SEN_UNIT", "offersOutstanding");
        int asdCommissioned = total("by-need", "ASD", "commissioned");

        assertThat(api.offer(api.refer(Api.newUpn()), provision).status()).isEqualTo(200);
        until("the offer counts in the totals", () -> total("by-type", "total", "offersOutstanding") == offers + 1);
        assertThat(total("by-type", "total", "vacancies")).isEqualTo(vacancies - 1);
        assertThat(total("by-phase", "total", "offersOutstanding")).isEqualTo(offers + 1);
        assertThat(total("by-type", "SEN_UNIT", "offersOutstanding")).isEqualTo(unitOffers + 1);
        assertThat(provisionFigure(provision, "offersOutstanding")).isEqualTo("1");
        assertThat(browser.executeScript("const c = window.Chart.getChart(document.querySelector('#capacity-chart canvas'));"
                + " const i = c.data.labels.findIndex(l => l.includes(arguments[0]));"
                + " return c.data.datasets[2].data[i];", provision)).isEqualTo(1L);

        assertThat(api.put("provision-admin", "/api/provisions/" + provision + "/places",
                "{\"commissionedPlaces\":6,\"effectiveFrom\":\"2026-09-01\",\"reason\":\"Agreed at panel\"}").status())
                .isEqualTo(200);
        until("the new places count in the totals", () -> total("by-phase", "total", "commissioned") == commissioned + 2);
        assertThat(total("by-need", "ASD", "commissioned")).isEqualTo(asdCommissioned + 2);
        assertThat(provisionFigure(provision, "vacancies")).isEqualTo("5");
        assertThat(browser.executeScript("return window.sameDocument === true")).as("no reload").isEqualTo(true);

        // What the page worked out from the stream is what the API answers now.
        JsonNode dashboard = api.get("analyst", "/api/dashboard/capacity").json();
        for (String figure : CAPACITY_FIGURES) {
            assertThat(String.valueOf(total("by-type", "total", figure))).as(figure)
                    .isEqualTo(dashboard.get("total").get(figure).asText());
            assertThat(String.valueOf(total("by-type", "SEN_UNIT", figure))).as("SEN_UNIT " + figure)
                    .isEqualTo(dashboard.get("byType").get("SEN_UNIT").get(figure).asText());
        }
        screenshot("54-capacity-live");
    }

    @Test
    void aProvisionsFiguresAndTheProvisionsListFollowOffersAndAdmissions() {
        String provision = api.commission(Api.newProvisionId("WEBLIVEPROV"), "RESOURCE_BASE", 3);
        String placement = api.refer(Api.newUpn());
        signIn("provision-admin");
        open("/provision.html?id=" + provision);
        waitFor(By.cssSelector("body[data-live=true] #live"));
        browser.executeScript("window.sameDocument = true");
        assertThat(textOf(By.id("vacancies"))).isEqualTo("3");

        assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        until("the offer shows on the provision", () -> "1".equals(textOf(By.id("offers"))));
        assertThat(textOf(By.id("vacancies"))).isEqualTo("2");
        assertThat(browser.executeScript("return window.sameDocument === true")).as("no reload").isEqualTo(true);
        screenshot("67-provision-live");

        open("/provisions.html");
        waitFor(By.cssSelector("body[data-live=true] #live"));
        browser.executeScript("window.sameDocument = true");
        By onRoll = By.cssSelector("#rows tr[data-provision='" + provision + "'] [data-figure=onRoll]");
        assertThat(browser.findElement(onRoll).getText()).isEqualTo("0");
        assertThat(api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-15\"}").status()).isEqualTo(200);
        until("the admission shows in the list", () -> "1".equals(browser.findElement(onRoll).getText()));
        assertThat(browser.findElement(By.cssSelector("#rows tr[data-provision='" + provision
                + "'] [data-figure=vacancies]")).getText()).isEqualTo("2");
        assertThat(browser.executeScript("return window.sameDocument === true")).as("no reload").isEqualTo(true);
    }

    private int total(String table, String group, String figure) {
        return Integer.parseInt(textOf(By.cssSelector(
                "#" + table + " tr[data-group='" + group + "'] [data-figure=" + figure + "]")));
    }

    private String provisionFigure(String provision, String figure) {
        return textOf(By.cssSelector(
                "#by-provision tr[data-provision='" + provision + "'] [data-figure=" + figure + "]"));
    }


    private void until(String what, Supplier<Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(b -> condition.get());
        } catch (TimeoutException e) {
            screenshot("failed-live-" + System.currentTimeMillis());
            throw new AssertionError(what + ": not on the open page within 10 s", e);
        }
    }
}
