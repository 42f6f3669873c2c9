package uk.placements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.placements.command.http.Api;


import static org.assertj.core.api.Assertions.assertThat;

/** An analyst reads the capacity dashboard in the browser, and its figures are the API's. */
class AnalystBrowserTest extends BrowserTest {

    @Test
    void theCapacityDashboardShowsTheApisFigures() {
        String provision = api.commission(Api.newProvisionId("WEBCAP"), "SEN_UNIT", 4);
        assertThat(api.offer(api.refer(Api.newUpn()), provision).status()).isEqualTo(200);
        eventually(() -> api.get("analyst", "/api/dashboard/capacity").body().contains(provision));
        eventually(() -> figuresOf(provision).get("offersOutstanding").asInt() == 1);

        signIn("analyst");
        open("/capacity.html");
        JsonNode api = this.api.get("analyst", "/api/dashboard/capacity").json();
        screenshot("50-capacity-dashboard");

        WebElement provisionRow = browser.findElement(By.xpath(
                "//table[@id='by-provision']//tr[td[contains(., '" + provision + "')]]"));
        assertFigures(provisionRow, figuresOf(provision));
        assertFigures(browser.findElement(By.xpath("//table[@id='by-type']//tr[th[.='Total']]")), api.get("total"));
        assertFigures(browser.findElement(By.xpath("//table[@id='by-type']//tr[td[.='SEN_UNIT']]")),
                api.get("byType").get("SEN_UNIT"));
    }

    private JsonNode figuresOf(String provision) {
        for (JsonNode p : api.get("analyst", "/api/dashboard/capacity").json().get("provisions")) {
            if (p.get("provisionId").asText().equals(provision)) {
                return p.get("figures");
            }
        }
        throw new AssertionError("no row for " + provision);
    }

    private static void assertFigures(WebElement row, JsonNode figures) {
        for (String figure : CAPACITY_FIGURES) {
            assertThat(row.findElement(By.cssSelector("[data-figure=" + figure + "]")).getText()).as(figure)
                    .isEqualTo(figures.get(figure).asText());
        }
    }
}
