package uk.placements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

        assertFigures("//table[@id='by-provision']//tr[td[contains(., '" + provision + "')]]", figuresOf(provision));
        assertFigures("//table[@id='by-type']//tr[th[.='Total']]", api.get("total"));
        assertFigures("//table[@id='by-type']//tr[@data-group='SEN_UNIT']", api.get("byType").get("SEN_UNIT"));
        assertThat(textOf(By.xpath("//table[@id='by-type']//tr[@data-group='SEN_UNIT']/td[1]"))).isEqualTo("SEN Unit");
    }

    private JsonNode figuresOf(String provision) {
        for (JsonNode p : api.get("analyst", "/api/dashboard/capacity").json().get("provisions")) {
            if (p.get("provisionId").asText().equals(provision)) {
                return p.get("figures");
            }
        }
        throw new AssertionError("no row for " + provision);
    }

    /** Each figure of the row at {@code rowXpath}, found afresh (the live page may re-render the row meanwhile). */
    private void assertFigures(String rowXpath, JsonNode figures) {
        for (String figure : CAPACITY_FIGURES) {
            assertThat(textOf(By.xpath(rowXpath + "//*[@data-figure='" + figure + "']"))).as(figure)
                    .isEqualTo(figures.get(figure).asText());
        }
    }
}
