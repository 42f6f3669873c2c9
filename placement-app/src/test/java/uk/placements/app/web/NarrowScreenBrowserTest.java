package uk.placements.app.web;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import uk.placements.command.http.Api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page works on a 320 px wide screen with very long pupil, provision and school names: the document never
 * scrolls sideways (a wide table may scroll inside its own box, the GOV.UK way). Each page is saved at 320 px.
 */
class NarrowScreenBrowserTest extends BrowserTest {

    /** Long names as people have them, and one unbroken word longer than a phone is wide. */
    static final String GIVEN = "Anastasia-Wilhelmina Maximiliana-Josephine Featherstonehaugh";
    static final String FAMILY = "Wolfeschlegelsteinhausenbergerdorff-Vanderheijden-Abernethy-Lindqvist";
    static final String PROVISION = "Saint Bartholomew-the-Great Church of England Primary Academy Speech Language and "
            + "Communication Resource Base for Autistic Children";
    static final String SCHOOL = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Community Primary School"
            + " and Nursery";

    /** Every page is looked at before the test fails, so that one run names every page that breaks. */
    private final SoftAssertions overflows = new SoftAssertions();

    @Test
    void everyPageFitsA320PixelScreenWithLongNames() {
        String provision = Api.newProvisionId("WEBNARROW");
        assertThat(api.post("provision-admin", "/api/provisions",
                Api.provisionJson(provision, "RESOURCE_BASE", 0, 6, "\"ASD\",\"SLCN\"", 4)
                        .replace("Test provision " + provision, PROVISION).replace("Host School", SCHOOL)
                        .replace("\"urn\":\"100001\"", "\"urn\":\"" + MoneySetUp.newUrn() + "\"")).status())
                .isEqualTo(201);
        String upn = Api.newUpn();
        Api.Answer referral = api.post("caseworker", "/api/placements",
                Api.referralJson(upn, 3, "ASD", "EHCP", "2026-09-01")
                        .replace("Olivia", GIVEN).replace("Hargreaves", FAMILY));
        assertThat(referral.status()).isEqualTo(201);
        String placement = referral.json().get("id").asText();
        assertThat(api.offer(placement, provision).status()).isEqualTo(200);
        // admitted and funded: the money pages show the long names too (the schedule its school's)
        MoneySetUp money = new MoneySetUp(api);
        String band = MoneySetUp.newBand();
        money.setBand(band, "2026-27", "3100");
        money.setBand(band, MoneySetUp.financialYear(java.time.LocalDate.now(java.time.ZoneOffset.UTC)), "3100");
        assertThat(api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-15\"}").status()).isEqualTo(200);
        money.topUp(placement, band, "2026-09-15");
        eventually(() -> api.get("caseworker", "/api/placements?q=" + upn).body().contains(FAMILY));
        eventually(() -> api.get("analyst", "/api/dashboard/capacity").body().contains(provision));

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("sign-in", "/index.html");
        pages.put("home", "/home.html");
        pages.put("caseload", "/caseload.html?q=" + upn);
        pages.put("refer", "/refer.html");
        pages.put("placement", "/placement.html?id=" + placement);
        pages.put("provisions", "/provisions.html");
        pages.put("provision", "/provision.html?id=" + provision);
        pages.put("capacity", "/capacity.html");
        pages.put("waiting-list", "/waiting-list.html");
        pages.put("inclusion", "/inclusion.html");
        pages.put("bases", "/bases.html");
        pages.put("standards", "/standards.html?id=" + provision);
        pages.put("returns", "/returns.html");
        pages.put("audit", "/audit.html?id=" + placement + "&log=1&log-user=caseworker");
        pages.put("tariff", "/tariff.html");
        pages.put("without-funding", "/without-funding.html");
        pages.put("finance", "/funding.html");
        pages.put("schedules", "/schedules.html");
        pages.put("place-change", "/place-change.html");

        browser.manage().window().setSize(new Dimension(320, 1400));
        open("/index.html");
        assertThat(((Number) browser.executeScript("return document.documentElement.clientWidth")).intValue())
                .as("the page is laid out 320 px wide").isLessThanOrEqualTo(320);
        screenshotAt320("sign-in");
        signIn("admin");
        Map<String, String> shows = new java.util.HashMap<>(Map.of("caseload", FAMILY, "placement", FAMILY,
                "provisions", PROVISION, "provision", SCHOOL, "capacity", PROVISION, "audit", placement,
                "tariff", "Band " + band, "finance", PROVISION, "schedules", SCHOOL, "place-change", PROVISION));
        shows.put("bases", PROVISION);
        shows.put("standards", PROVISION);
        pages.forEach((name, path) -> {
            if (!name.equals("sign-in")) {
                // the money pages read models that follow the commands a moment later
                openUntil(path, By.tagName("main"), shows.getOrDefault(name, ""));
                assertThat(browser.findElement(By.tagName("main")).getText()).as(name)
                        .contains(shows.getOrDefault(name, ""));
                screenshotAt320(name);
                if (name.equals("audit")) {
                    assertThat(browser.findElement(By.id("verify")).getText()).contains("Intact");
                }
            }
        });
        overflows.assertAll();
    }

    /** Asserts that the document does not scroll sideways, then saves the page as shown 320 px wide. */
    private void screenshotAt320(String name) {
        List<?> overflow = (List<?>) browser.executeScript("""
                const d = document.documentElement;
                const wide = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > d.clientWidth + 0.5 && !e.closest('.app-table-scroll'))
                    .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className);
                return [d.scrollWidth - d.clientWidth, wide.join(' ')];""");
        screenshot("320-" + name);
        // a wide table scrolls in its box at 320 px too: every heading reachable, the first column kept in view
        overflows.assertThat(tableProblems()).as(name + ": tables at 320 px").isEmpty();
        overflows.assertThat(((Number) overflow.get(0)).intValue())
                .as(name + ": the document scrolls sideways; sticking out: " + overflow.get(1)).isLessThanOrEqualTo(0);
    }
}
