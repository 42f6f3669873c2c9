package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import uk.placements.command.http.Api;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inclusion bases in the browser (docs/inclusion-bases.md, "what a page should show"): a base's standards as at a
 * date, reached from its provision's page, and the comparison of bases with a planted outlier flagged in words, legible
 * with 35 bases at 1300 px and at 320 px.
 */
class InclusionBasesBrowserTest extends BrowserTest {

    private static final String PA = "provision-admin";

    private String commission(String prefix, String type, String phase, int lowest, int highest, String openedOn) {
        String id = Api.newProvisionId(prefix);
        Api.Answer a = api.post(PA, "/api/provisions", """
                {"id":"%s","name":"Base %s","type":"%s","hostSchool":{"urn":"100001","name":"Host School"},
                 "phase":"%s","lowestYear":%d,"highestYear":%d,"designatedNeeds":["ASD"],
                 "commissionedPlaces":6,"openedOn":"%s"}""".formatted(id, id, type, phase, lowest, highest, openedOn));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return id;
    }

    private long write(String provision, String what, String json) {
        Api.Answer a = api.post(PA, "/api/provisions/" + provision + "/" + what, json);
        assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(200);
        return a.json().get("version").asLong();
    }

    private void admit(String provision, int year, String dateOfBirth, String referredOn, String admittedOn) {
        Api.Answer referred = api.post("caseworker", "/api/placements", """
                {"pupil":{"upn":"%s","givenName":"Rowan","familyName":"Ashdown","dateOfBirth":"%s"},
                 "yearGroup":%d,"primaryNeed":"ASD","ehcpStatus":"EHCP","homeSchoolUrn":"200002",
                 "referredOn":"%s"}""".formatted(Api.newUpn(), dateOfBirth, year, referredOn));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String id = referred.json().get("id").asText();
        Api.Answer offer = api.post("caseworker", "/api/placements/" + id + "/offer",
                "{\"provisionId\":\"" + provision + "\",\"offeredOn\":\"" + referredOn + "\"}");
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
        Api.Answer admitted = api.post("caseworker", "/api/placements/" + id + "/admission",
                "{\"admittedOn\":\"" + admittedOn + "\",\"mainstreamPercent\":30}");
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
    }

    @Test
    void aBasesStandardsShowWhatItMeetsAndWhatNotInWordsFromItsProvisionsPage() {
        String base = commission("WEBSTD", "RESOURCE_BASE", "PRIMARY", 0, 6, "2024-09-01");
        write(base, "staffing", "{\"adults\":4,\"qualifiedTeachers\":1,\"therapyHoursPerWeek\":6,\"effectiveFrom\":\"2024-09-01\"}");
        write(base, "base-model", "{\"baseModel\":\"SPECIALIST\",\"effectiveFrom\":\"2024-09-01\"}");
        write(base, "base-lead", "{\"teacherName\":\"Ms Imogen Example\",\"effectiveFrom\":\"2024-09-02\"}");
        write(base, "teacher-access", "{\"hoursPerWeek\":20,\"mainstreamPeerHoursPerWeek\":25,\"effectiveFrom\":\"2024-09-01\"}");

        signIn("caseworker");
        openUntil("/provision.html?id=" + base, By.id("title"), base);
        clickToNewPage(By.id("standards-link"));
        openUntil("/standards.html?id=" + base + "&asOf=2025-01-01", By.id("lead-teacher"), "Ms Imogen Example");
        screenshot("60-base-standards");

        assertThat(textOf(By.id("kind"))).startsWith("Resource Base · Specialist base");
        assertThat(textOf(By.id("lead-teacher"))).isEqualTo("Ms Imogen Example, from 2024-09-02");
        assertThat(outcome("LEAD_TEACHER")).isEqualTo("Met");
        assertThat(outcome("THERAPY_INPUT")).isEqualTo("Met");
        assertThat(outcome("TEACHER_ACCESS")).isEqualTo("Not met");
        assertThat(outcome("TIME_IN_MAINSTREAM")).isEqualTo("Unknown");
        assertThat(textOf(By.cssSelector("tr[data-expectation=TEACHER_ACCESS] [data-figure=figures]")))
                .contains("Hours a week with a qualified teacher: 20").contains("25");
        assertThat(textOf(By.id("counts"))).isEqualTo("2 met, 1 not met, 1 unknown.");
        // the page's date picker asks again
        typeDate("asOf", "2024-09-01");
        browser.findElement(By.id("as-at-button")).click();
        waitForText(By.id("shown-as-at"), "As at 2024-09-01");
        assertThat(textOf(By.id("lead-teacher"))).isEqualTo("Not recorded");
        assertThat(outcome("LEAD_TEACHER")).isEqualTo("Unknown");
    }

    private String outcome(String code) {
        return textOf(By.cssSelector("tr[data-expectation=" + code + "] [data-figure=status]")).replaceAll("^[✓✗?] ", "");
    }

    @Test
    void theComparisonFlagsThePlantedOutlierInWordsAndStaysLegibleWith35Bases() {
        // a year no other test opens provisions in: this group is this test's 35 SEN Units, one with 24 h of therapy
        List<String> bases = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            String base = commission("WEBCMP", "SEN_UNIT", "SECONDARY", 7, 11, "2001-09-01");
            String therapy = i == 34 ? "24" : String.valueOf(4 + i % 3);
            write(base, "staffing", "{\"adults\":3,\"qualifiedTeachers\":1,\"therapyHoursPerWeek\":" + therapy
                    + ",\"effectiveFrom\":\"2001-09-01\"}");
            admit(base, 8, "1990-05-14", "2001-10-01", "2001-10-20");
            bases.add(base);
        }
        String planted = bases.get(34);
        String path = "/api/dashboard/bases?asOf=2002-06-01";
        eventually(() -> {
            int onRoll = 0;
            for (var b : api.get("analyst", path).json().get("bases")) {
                if (bases.contains(b.get("provisionId").asText())) {
                    onRoll += b.get("onRoll").asInt();
                }
            }
            return onRoll == 35;
        });

        browser.manage().window().setSize(new Dimension(1300, 900));
        signIn("analyst");
        openUntil("/bases.html?asOf=2002-06-01", By.id("shown-as-at"), "2002-06-01");
        By table = By.id("group-SEN_UNIT-SECONDARY");
        assertThat(browser.findElements(By.cssSelector("#group-SEN_UNIT-SECONDARY tbody tr"))).hasSize(35);
        WebElement cell = browser.findElement(By.cssSelector("tr[data-provision='" + planted + "'] [data-figure=therapyHoursPerPupil]"));
        assertThat(cell.getAttribute("data-outlier")).isEqualTo("HIGH");
        assertThat(cell.getText()).contains("24").contains("↑").contains("High");
        assertThat(cell.findElement(By.cssSelector(".govuk-visually-hidden")).getAttribute("textContent"))
                .isEqualTo(" outlier, above 9: the group's fences are 1 to 9");
        for (String other : bases.subList(0, 34)) {
            assertThat(browser.findElements(By.cssSelector("tr[data-provision='" + other + "'] [data-outlier]"))).as(other).isEmpty();
        }
        // quartiles of 4,5,6 repeated (12, 12, 11 times ... ) and 24: Q1 4, Q3 6, fences 1 and 9
        assertThat(textOf(By.cssSelector("#group-SEN_UNIT-SECONDARY [data-fences=therapyHoursPerPupil]")))
                .contains("fences 1 to 9");
        assertThat(textOf(By.id("method"))).contains("IQR");
        assertThat(browser.findElement(table).getText()).doesNotContain("Rowan", "Ashdown", "THERAPY_HOURS_PER_PUPIL");
        assertThat(tableProblems()).as("at 1300 px").isEmpty();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
        screenshot("61-bases-comparison-1300");

        // sorted by therapy hours, highest first: the planted base leads
        browser.findElement(By.cssSelector("#group-SEN_UNIT-SECONDARY [data-sort=therapyHoursPerPupil]")).click();
        browser.findElement(By.cssSelector("#group-SEN_UNIT-SECONDARY [data-sort=therapyHoursPerPupil]")).click();
        assertThat(browser.findElement(By.cssSelector("#group-SEN_UNIT-SECONDARY tbody tr")).getAttribute("data-provision"))
                .isEqualTo(planted);

        browser.manage().window().setSize(new Dimension(320, 900));
        open("/bases.html?asOf=2002-06-01");
        assertThat(tableProblems()).as("at 320 px").isEmpty();
        browser.executeScript("document.getElementById('group-SEN_UNIT-SECONDARY').scrollIntoView()");
        screenshot("62-bases-comparison-320");
    }
}
