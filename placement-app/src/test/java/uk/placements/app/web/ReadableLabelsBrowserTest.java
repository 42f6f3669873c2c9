package uk.placements.app.web;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.placements.command.http.Api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People read labels, not the API's enum names: every page each role opens shows "Resource Base", "Moved to
 * mainstream", "Autistic spectrum disorder" rather than RESOURCE_BASE, MOVED_TO_MAINSTREAM or a bare code, in its
 * text, its options and its charts' labels (the audit page's raw state, shown as code, excepted).
 */
class ReadableLabelsBrowserTest extends BrowserTest {

    /** What an enum name looks like (RESOURCE_BASE, MOVED_TO_MAINSTREAM, PROVISION_RATE). */
    static final String ENUM_NAME = "\\b[A-Z]+_[A-Z_]+\\b";

    /**
     * Every text a person can see on the page (text nodes of rendered elements, the options of its selects, its
     * charts' category and dataset labels) that looks like an enum name, with where it was; code and pre excepted.
     */
    static final String ENUM_NAMES_SHOWN = """
            const pattern = new RegExp(arguments[0], 'g');
            const found = [];
            const where = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.closest('[id]') && e.closest('[id]') !== e ? ' in #' + e.closest('[id]').id : '');
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const parent = node.parentElement;
              if (!parent || parent.closest('code, pre, script, style, option')) continue;
              if (!parent.getClientRects().length) continue;
              for (const m of node.textContent.matchAll(pattern)) found.push(m[0] + ' (' + where(parent) + ')');
            }
            for (const option of document.querySelectorAll('select option')) {
              if (option.closest('select').getClientRects().length === 0) continue;
              for (const m of option.textContent.matchAll(pattern)) found.push(m[0] + ' (option of ' + where(option.closest('select')) + ')');
            }
            for (const canvas of document.querySelectorAll('canvas')) {
              const chart = window.Chart && window.Chart.getChart(canvas);
              if (!chart) continue;
              const texts = [...chart.data.labels.map(String), ...chart.data.datasets.map((d) => String(d.label))];
              for (const text of texts) for (const m of text.matchAll(pattern)) found.push(m[0] + ' (chart in ' + where(canvas) + ')');
            }
            return found;""";

    @Test
    void noPageShowsAnEnumNameToAnyRole() {
        // an all-through Resource Base, a SEN Unit; pupils referred, offered, admitted, moved to mainstream, ended
        String base = Api.newProvisionId("WEBLABEL");
        assertThat(api.post("provision-admin", "/api/provisions", Api.provisionJson(base, "RESOURCE_BASE", 0, 11,
                "\"ASD\",\"SLCN\",\"SEMH\"", 6).replace("PRIMARY", "ALL_THROUGH")).status()).isEqualTo(201);
        String unit = api.commission(Api.newProvisionId("WEBLABELU"), "SEN_UNIT", 4);

        String referred = refer("ASSESSMENT", "\"requestedType\":\"RESOURCE_BASE\",");
        String moved = refer("EHCP", "");
        assertThat(api.offer(moved, base).status()).isEqualTo(200);
        admit(moved);
        assertThat(api.post("caseworker", "/api/placements/" + moved + "/move-to-mainstream",
                "{\"effectiveFrom\":\"2026-10-01\"}").status()).isEqualTo(200);
        String ended = refer("EHCP", "");
        assertThat(api.offer(ended, unit).status()).isEqualTo(200);
        admit(ended);
        assertThat(api.post("caseworker", "/api/placements/" + ended + "/end",
                "{\"effectiveFrom\":\"2026-10-02\",\"reason\":\"SPECIAL_SCHOOL\",\"note\":\"A special school place\"}")
                .status()).isEqualTo(200);
        String admitted = refer("EHCP", "");
        assertThat(api.offer(admitted, base).status()).isEqualTo(200);
        admit(admitted);
        eventually(() -> api.get("caseworker", "/api/placements/" + ended).body().contains("ENDED"));
        eventually(() -> api.get("caseworker", "/api/placements/" + moved).body().contains("MOVED_TO_MAINSTREAM"));
        eventually(() -> api.get("analyst", "/api/dashboard/inclusion").body().contains(base));

        Map<String, List<String>> pagesByRole = new LinkedHashMap<>();
        pagesByRole.put("caseworker", List.of("/home.html", "/caseload.html", "/caseload.html?status=MOVED_TO_MAINSTREAM",
                "/refer.html", "/provisions.html", "/provision.html?id=" + base, "/standards.html?id=" + base,
                "/placement.html?id=" + referred,
                "/placement.html?id=" + admitted, "/placement.html?id=" + moved, "/placement.html?id=" + ended,
                "/without-funding.html"));
        pagesByRole.put("provision-admin", List.of("/home.html", "/provisions.html", "/provision.html?id=" + unit,
                "/place-change.html"));
        pagesByRole.put("analyst", List.of("/home.html", "/capacity.html", "/waiting-list.html", "/inclusion.html",
                "/bases.html", "/standards.html?id=" + unit, "/returns.html",
                "/funding.html", "/place-change.html", "/provisions.html"));
        pagesByRole.put("auditor", List.of("/home.html", "/provisions.html",
                "/audit.html?id=" + ended + "&log=1&log-user=caseworker"));
        pagesByRole.put("finance", List.of("/home.html", "/without-funding.html", "/funding.html", "/tariff.html",
                "/schedules.html", "/place-change.html", "/placement.html?id=" + admitted));
        pagesByRole.put("admin", List.of("/home.html", "/caseload.html", "/provisions.html", "/capacity.html",
                "/inclusion.html", "/placement.html?id=" + ended, "/tariff.html"));

        // the look-out sees an enum name where a person would, and not in code
        signIn("caseworker");
        browser.executeScript("const m = document.querySelector('main'); m.append('Placed in a SEN_UNIT');"
                + "const c = document.createElement('code'); c.textContent = 'RESOURCE_BASE'; m.append(c);");
        assertThat((List<?>) browser.executeScript(ENUM_NAMES_SHOWN, ENUM_NAME)).singleElement().asString()
                .startsWith("SEN_UNIT");

        SoftAssertions softly = new SoftAssertions();
        List<String> looked = new ArrayList<>();
        pagesByRole.forEach((user, pages) -> {
            signIn(user);
            for (String page : pages) {
                open(page);
                waitForCharts();
                @SuppressWarnings("unchecked")
                List<String> shown = (List<String>) browser.executeScript(ENUM_NAMES_SHOWN, ENUM_NAME);
                softly.assertThat(shown).as(user + " on " + page).isEmpty();
                looked.add(user + " " + page);
            }
        });
        softly.assertAll();
        assertThat(looked).hasSize(pagesByRole.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void labelsArePlainWords() {
        String base = Api.newProvisionId("WEBWORDS");
        assertThat(api.post("provision-admin", "/api/provisions", Api.provisionJson(base, "RESOURCE_BASE", 0, 11,
                "\"ASD\",\"SLCN\"", 6).replace("PRIMARY", "ALL_THROUGH")).status()).isEqualTo(201);
        String referred = refer("ASSESSMENT", "\"requestedType\":\"RESOURCE_BASE\",");
        String ended = refer("EHCP", "");
        assertThat(api.offer(ended, base).status()).isEqualTo(200);
        admit(ended);
        assertThat(api.post("caseworker", "/api/placements/" + ended + "/end",
                "{\"effectiveFrom\":\"2026-10-02\",\"reason\":\"SPECIAL_SCHOOL\",\"note\":\"A special school place\"}")
                .status()).isEqualTo(200);
        eventually(() -> api.get("caseworker", "/api/placements/" + ended).body().contains("ENDED"));
        eventually(() -> api.get("analyst", "/api/dashboard/inclusion").body().contains(base));
        eventually(() -> api.get("analyst", "/api/dashboard/capacity").body().contains(base));

        signIn("admin");
        openUntil("/placement.html?id=" + referred, By.id("facts"), "Being assessed");
        String facts = textOf(By.id("facts"));
        assertThat(facts).contains("Year 3").contains("Autistic spectrum disorder")
                .contains("Speech, language and communication needs").contains("Being assessed for an EHC plan")
                .contains("Resource Base");
        assertThat(textOf(By.id("status"))).isEqualTo("Referred");
        assertThat(textOf(By.id("timeline"))).contains("Referred").contains("primary need autistic spectrum disorder")
                .contains("asking for a Resource Base").doesNotContain("PupilReferred");
        screenshot("90-labels-referred");

        openUntil("/placement.html?id=" + ended, By.id("status"), "Ended");
        assertThat(textOf(By.id("facts"))).contains("Moved to a special school");
        assertThat(textOf(By.id("timeline"))).contains("Placement ended").contains("ended: Moved to a special school");

        open("/provisions.html");
        WebElement row = browser.findElement(By.cssSelector("#rows tr[data-provision='" + base + "']"));
        assertThat(row.findElement(By.cssSelector("[data-figure=type]")).getText()).isEqualTo("Resource Base");
        assertThat(row.findElement(By.cssSelector("[data-figure=years]")).getText()).isEqualTo("Reception to Year 11");
        assertThat(row.findElement(By.cssSelector("[data-figure=needs]")).getText())
                .isEqualTo("Autistic spectrum disorder; Speech, language and communication needs");
        // the commission form's needs: the DfE's names, the codes as values
        assertThat(textOf(By.cssSelector("label[for=need-SEMH]"))).isEqualTo("Social, emotional and mental health");
        assertThat(textOf(By.cssSelector("label[for=need-SPLD]"))).isEqualTo("Specific learning difficulty");
        assertThat(textOf(By.cssSelector("label[for=need-PMLD]"))).isEqualTo("Profound and multiple learning difficulty");
        assertThat(textOf(By.cssSelector("label[for=need-VI]"))).isEqualTo("Vision impairment");
        assertThat(textOf(By.cssSelector("label[for=need-MSI]"))).isEqualTo("Multi-sensory impairment");

        open("/caseload.html?status=ENDED");
        assertThat(textOf(By.cssSelector("#status option[value=MOVED_TO_MAINSTREAM]"))).isEqualTo("Moved to mainstream");
        assertThat(textOf(By.cssSelector("#need option[value=SLCN]"))).isEqualTo("Speech, language and communication needs");
        assertThat(textOf(By.cssSelector("#rows [data-figure=status]"))).isEqualTo("Ended");

        open("/inclusion.html");
        WebElement inclusion = browser.findElement(By.cssSelector("#inclusion tr[data-provision='" + base + "']"));
        assertThat(inclusion.findElement(By.cssSelector("[data-figure=type]")).getText()).isEqualTo("Resource Base");
        assertThat(inclusion.findElement(By.cssSelector("[data-figure=phase]")).getText()).isEqualTo("All-through");

        open("/capacity.html");
        assertThat(textOf(By.cssSelector("#by-phase tr[data-group='ALL_THROUGH'] td"))).isEqualTo("All-through");
        assertThat(textOf(By.cssSelector("#by-need tr[data-group='SLCN'] td")))
                .isEqualTo("Speech, language and communication needs");

        signIn("provision-admin");
        assertThat(textOf(By.id("greeting"))).contains("provision admin").doesNotContain("provision_admin");
        screenshot("91-labels-home");
    }

    private String refer(String ehcp, String extra) {
        Api.Answer answer = api.post("caseworker", "/api/placements",
                Api.referralJson(Api.newUpn(), 3, "ASD", ehcp, "2026-09-01")
                        .replace("\"homeSchoolUrn\"", extra + "\"homeSchoolUrn\""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asText();
    }

    private void admit(String placement) {
        assertThat(api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"2026-09-15\"}").status()).isEqualTo(200);
    }

    /** A page with a chart is read once it is drawn (or, its figures refused, after a few seconds without it). */
    private void waitForCharts() {
        if (!browser.findElements(By.cssSelector("#capacity-chart, #inclusion-chart, #waiting-chart, #spend-chart")).isEmpty()) {
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5))
                        .until(b -> !b.findElements(By.cssSelector("body[data-chart-ready=true]")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException e) {
                // no chart to read: the page's text is read all the same
            }
        }
    }
}
