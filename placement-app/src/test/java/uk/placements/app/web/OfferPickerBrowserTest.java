package uk.placements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.placements.command.http.Api;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The placement page's offer picker lists the candidates of the referral (GET /api/placements/{id}/candidates):
 * provisions that fit first, as choices; those an override allows as choices that ask for the reason or decision;
 * the ones that cannot take the pupil listed with why in plain words, never as a choice.
 */
class OfferPickerBrowserTest extends BrowserTest {

    private String referral(int year, String need, String ehcp) {
        Api.Answer a = api.post("caseworker", "/api/placements",
                Api.referralJson(Api.newUpn(), year, need, ehcp, "2026-09-01"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asText();
    }

    private String provision(String prefix, int lowest, int highest, String needs, int places) {
        String id = Api.newProvisionId(prefix);
        assertThat(api.post("provision-admin", "/api/provisions",
                Api.provisionJson(id, "RESOURCE_BASE", lowest, highest, needs, places)
                        .replace("PRIMARY", highest > 6 ? "SECONDARY" : "PRIMARY")).status()).isEqualTo(201);
        return id;
    }

    /** The rules the candidates of the placement name for the provision ("" while it is not listed). */
    private String blockers(String placement, String provision) {
        for (JsonNode c : api.get("caseworker", "/api/placements/" + placement + "/candidates").json().get("candidates")) {
            if (c.get("provisionId").asText().equals(provision)) {
                return c.get("blockers").toString();
            }
        }
        return "";
    }

    private void openPicker(String placement, String provision) {
        eventually(() -> api.get("caseworker", "/api/placements/" + placement + "/candidates").body().contains(provision));
        signIn("caseworker");
        open("/placement.html?id=" + placement + "&minVersion=0");
        waitFor(By.cssSelector("#offer-picker[data-loaded=true]"));
    }

    @Test
    void aPupilWithoutAnEhcPlanSeesEveryProvisionBlockedByREhcpAndNoChoice() {
        String provision = provision("WEBNOPLAN", 0, 6, "\"ASD\",\"SLCN\"", 4);
        String placement = referral(3, "ASD", "NONE");
        openPicker(placement, provision);
        JsonNode candidates = api.get("caseworker", "/api/placements/" + placement + "/candidates").json().get("candidates");
        screenshot("32-offer-picker-no-ehc-plan");

        assertThat(browser.findElements(By.cssSelector("input[name=provisionId]"))).as("no provision to choose").isEmpty();
        assertThat(textOf(By.id("candidates-summary"))).startsWith("No provision fits this pupil on");
        assertThat(browser.findElement(By.id("candidates-blocked")).getAttribute("open")).as("unfolded").isNotNull();
        List<WebElement> blocked = browser.findElements(By.cssSelector("#candidates-blocked li[data-candidate]"));
        assertThat(blocked).hasSize(candidates.size());
        for (WebElement item : blocked) {
            WebElement ehcp = item.findElement(By.cssSelector("li[data-rule='R-EHCP']"));
            assertThat(ehcp.getText()).isEqualTo("The pupil has no EHC plan and no assessment under way (R-EHCP)");
        }
        WebElement ours = browser.findElement(By.cssSelector("#candidates-blocked li[data-candidate='" + provision + "']"));
        assertThat(ours.getText()).contains("Test provision " + provision + " (Resource Base)");
    }

    @Test
    void aYear9PupilChoosesAmongProvisionsThatFitOrAnOverrideAndSeesWhyTheOthersCannot() {
        String primary = provision("WEBPRI", 0, 6, "\"ASD\",\"SLCN\"", 4);
        String fits = provision("WEBSEC", 7, 11, "\"ASD\",\"SLCN\"", 4);
        String otherNeed = provision("WEBSEMH", 7, 11, "\"SEMH\"", 4);
        String full = provision("WEBFULLSEC", 7, 11, "\"ASD\"", 1);
        assertThat(api.offer(referral(8, "ASD", "EHCP"), full).status()).isEqualTo(200);
        String placement = referral(9, "ASD", "EHCP");
        eventually(() -> blockers(placement, full).contains("R-CAPACITY"));
        openPicker(placement, full);
        screenshot("33-offer-picker-year-9");

        // the primary provision: not a choice, blocked by R-YEAR in plain words
        assertThat(browser.findElements(By.cssSelector("input[name=provisionId][value='" + primary + "']"))).isEmpty();
        browser.findElement(By.cssSelector("#candidates-blocked summary")).click();
        assertThat(textOf(By.cssSelector("#candidates-blocked li[data-candidate='" + primary + "'] li[data-rule='R-YEAR']")))
                .isEqualTo("The pupil's year group is outside its year range (R-YEAR)");

        // the one that fits is a choice among those that fit, and those that fit come first
        assertThat(browser.findElement(By.cssSelector("#candidates-fit [data-candidate='" + fits + "'] label")).isDisplayed()).isTrue();
        List<String> order = new ArrayList<>();
        for (WebElement radio : browser.findElements(By.cssSelector("input[name=provisionId]"))) {
            order.add(radio.findElement(By.xpath("ancestor::div[starts-with(@id,'candidates-')]")).getAttribute("id"));
        }
        assertThat(order).startsWith("candidates-fit").isSortedAccordingTo((a, b) ->
                Boolean.compare(!a.equals("candidates-fit"), !b.equals("candidates-fit")));
        assertThat(textOf(By.cssSelector("[data-candidate='" + fits + "'] .govuk-hint"))).startsWith("4 places free of 4")
                .contains("Year 7 to Year 11").contains("Autistic spectrum disorder");

        // outside its designated needs: a choice with an override, which asks why when chosen
        assertThat(textOf(By.cssSelector("#candidates-override [data-candidate='" + otherNeed + "'] li[data-rule='R-NEED']")))
                .isEqualTo("The pupil's primary need is not one of its designated needs (R-NEED)");
        assertThat(browser.findElement(By.id("needOverrideReason")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("input[value='" + otherNeed + "']")).click();
        assertThat(browser.findElement(By.id("needOverrideReason")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("overCapacityReason")).isDisplayed()).isFalse();

        // full: a choice with an over-capacity decision
        assertThat(textOf(By.cssSelector("#candidates-override [data-candidate='" + full + "'] li[data-rule='R-CAPACITY']")))
                .isEqualTo("No vacancy on the offer date (R-CAPACITY)");
        browser.findElement(By.cssSelector("input[value='" + full + "']")).click();
        assertThat(browser.findElement(By.id("overCapacityReason")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("overCapacityDecidedBy")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("needOverrideReason")).isDisplayed()).isFalse();
        screenshot("34-offer-picker-over-capacity");

        // on a day before the full provision's place was offered (2026-09-10), it had a vacancy: the picker follows the date
        typeDate("offeredOn", "2026-09-05");
        browser.findElement(By.id("offer-title")).click();
        waitFor(By.cssSelector("#offer-picker[data-offered-on='2026-09-05']"));
        assertThat(textOf(By.id("candidates-summary"))).contains("5 September 2026");
        assertThat(browser.findElements(By.cssSelector("#candidates-fit [data-candidate='" + full + "']"))).hasSize(1);

        // the need-override path goes through from the picker
        browser.findElement(By.cssSelector("input[value='" + otherNeed + "']")).click();
        type("needOverrideReason", "The EHC plan names this school; the panel agreed");
        browser.findElement(By.id("offer-button")).click();
        waitForText(By.id("status"), "Offered");
        assertThat(textOf(By.id("facts"))).contains(otherNeed);
    }
}
