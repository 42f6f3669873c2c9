package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.placements.command.http.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statutory returns page (docs/returns.md): the returns officer sees SEN2's figures, is told the file is
 * access-logged and downloads it; an analyst, without SEN2, sees a school's SCAP capacity and the forecast, and uploads
 * a GIAS extract whose disagreement with the product is listed.
 */
class ReturnsBrowserTest extends BrowserTest {

    private static String unitAt(String urn) {
        return """
                {"id":"%s","name":"Returns Unit","type":"SEN_UNIT","hostSchool":{"urn":"%s","name":"Returns Test School"},
                 "phase":"PRIMARY","lowestYear":0,"highestYear":6,"designatedNeeds":["ASD"],
                 "commissionedPlaces":6,"openedOn":"2026-09-01"}""";
    }

    @Test
    void theReturnsOfficerDownloadsSen2AndAnAnalystReconcilesAGiasExtract() throws IOException {
        String urn = Integer.toString(700_000 + ThreadLocalRandom.current().nextInt(99_999));
        String unit = Api.newProvisionId("WEBRET");
        Api.Answer commissioned = api.post("provision-admin", "/api/provisions", unitAt(urn).formatted(unit, urn));
        assertThat(commissioned.status()).as(commissioned.body()).isEqualTo(201);
        eventually(() -> api.get("analyst", "/api/returns/scap/capacity").body().contains(urn));

        signIn("returns");
        Path downloads = downloadsTo();
        open("/returns.html");
        assertThat(browser.findElement(By.id("sen2")).isDisplayed()).isTrue();
        String census = textOf(By.cssSelector("#sen2-summary [data-figure=censusDate]"));
        assertThat(census).matches("\\d{4}-01-\\d{2}");
        assertThat(textOf(By.id("sen2"))).contains("Each download is recorded in the access log");
        screenshot("63-returns-sen2");
        browser.findElement(By.id("sen2-download")).click();
        assertThat(downloaded(downloads, "sen2-placements-" + census + ".csv")).startsWith("UPN,");
        waitForText(By.id("sen2-downloaded"), "access log");

        signIn("analyst");
        open("/returns.html");
        assertThat(browser.findElement(By.id("sen2")).isDisplayed()).as("SEN2 is not the analyst's").isFalse();
        assertThat(textOf(By.cssSelector("#scap-capacity tr[data-urn='" + urn + "'] [data-figure=capacity]"))).isEqualTo("6");
        assertThat(textOf(By.cssSelector("#scap-capacity tr[data-urn='" + urn + "'] [data-figure=kind]"))).isEqualTo("SEN unit");
        assertThat(browser.findElements(By.cssSelector("#forecast tbody tr[data-years-ahead='5']"))).isNotEmpty();

        Path extract = Files.createTempFile("gias", ".csv");
        Files.writeString(extract, "URN,EstablishmentName,TypeOfResourcedProvision (name),ResourcedProvisionOnRoll,"
                + "ResourcedProvisionCapacity,SenUnitOnRoll,SenUnitCapacity\r\n"
                + urn + ",Returns Test School,SEN unit,,,0,8\r\n");
        browser.findElement(By.id("gias-file")).sendKeys(extract.toAbsolutePath().toString());
        browser.findElement(By.id("gias-button")).click();
        waitFor(By.cssSelector("body[data-compared=true]"));
        assertThat(textOf(By.id("gias-totals"))).contains("1 schools in the extract");
        String row = "#gias-disagreements tr[data-urn='" + urn + "'][data-item=SenUnitCapacity]";
        assertThat(textOf(By.cssSelector(row + " [data-figure=gias]"))).isEqualTo("8");
        assertThat(textOf(By.cssSelector(row + " [data-figure=product]"))).isEqualTo("6");
        assertThat(tableProblems()).isEmpty();
        browser.executeScript("document.getElementById('gias-totals').scrollIntoView()");
        screenshot("64-returns-scap-gias");
    }
}
