package uk.placements.app.funding;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;
import uk.placements.shared.funding.AcademicYear;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The place-change return over real HTTP on the real database: a provision's places asked for the next academic
 * year against its places of 1 September, nil returns, corrections, each rule answered as problem details naming
 * it, the return read back as JSON (returns and provisions still to return) and as the workbook's CSV.
 */
class PlaceChangeApiTest extends AppTest {

    /** The service's "today" is London's; returns are for the academic year after today's. */
    private static final AcademicYear THIS_YEAR = AcademicYear.of(LocalDate.now(ZoneId.of("Europe/London")));
    private static final String NEXT = new AcademicYear(THIS_YEAR.startYear() + 1).toString();

    private Api.Answer placeChange(String user, String provision, String year, String json, String... headers) {
        return api.put(user, "/api/funding/place-change/" + provision + "/" + year, json, headers);
    }

    private JsonNode entry(String list, String provision) {
        JsonNode all = api.get("finance", "/api/funding/place-change?academicYear=" + NEXT).json().get(list);
        for (JsonNode item : all) {
            if (item.get("provisionId").asText().equals(provision)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void aProvisionAsksForMorePlacesAndTheReturnListsItWithWhoAndWhenBesideTheProvisionsStillToReturn() {
        String asking = api.commission(Api.newProvisionId("PCN"), "RESOURCE_BASE", 8);
        String waiting = api.commission(Api.newProvisionId("PCN"), "SEN_UNIT", 6);
        eventually(() -> entry("outstanding", waiting) != null && entry("outstanding", asking) != null);
        JsonNode outstanding = entry("outstanding", waiting);
        assertThat(outstanding.get("currentPlaces").asInt()).isEqualTo(6);
        assertThat(outstanding.get("type").asText()).isEqualTo("SEN_UNIT");
        assertThat(outstanding.get("urn").asText()).isEqualTo("100001");
        assertThat(outstanding.get("school").asText()).isEqualTo("Host School");

        Api.Answer asked = placeChange("provision-admin", asking, NEXT,
                "{\"places\":12,\"reason\":\"INCREASED_DEMAND\",\"note\":\"waiting list of 5\"}");

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("id").asText()).isEqualTo("place-change-" + asking + "-" + NEXT);
        assertThat(asked.json().get("version").asLong()).isZero();
        assertThat(asked.header("ETag")).isEqualTo("\"0\"");
        eventually(() -> entry("returns", asking) != null);
        JsonNode returned = entry("returns", asking);
        assertThat(returned.get("name").asText()).isEqualTo("Test provision " + asking);
        assertThat(returned.get("type").asText()).isEqualTo("RESOURCE_BASE");
        assertThat(returned.get("currentPlaces").asInt()).isEqualTo(8);
        assertThat(returned.get("requestedPlaces").asInt()).isEqualTo(12);
        assertThat(returned.get("change").asInt()).isEqualTo(4);
        assertThat(returned.get("reason").asText()).isEqualTo("INCREASED_DEMAND");
        assertThat(returned.get("note").asText()).isEqualTo("waiting list of 5");
        assertThat(returned.get("nilReturn").asBoolean()).isFalse();
        assertThat(returned.get("recordedBy").asText()).isEqualTo("provision-admin");
        assertThat(returned.get("recordedAt").asText()).isNotBlank();
        assertThat(entry("outstanding", asking)).isNull();

        JsonNode all = api.get("analyst", "/api/funding/place-change?academicYear=" + NEXT).json();
        assertThat(all.get("academicYear").asText()).isEqualTo(NEXT);
        assertThat(all.get("placesYear").asText()).isEqualTo(THIS_YEAR.toString());
        assertThat(all.get("placesAsAt").asText()).isEqualTo(THIS_YEAR.firstDay().toString());
        // the next academic year by default
        assertThat(api.get("finance", "/api/funding/place-change").json().get("academicYear").asText())
                .isEqualTo(NEXT);
    }

    @Test
    void aNilReturnKeepsThisYearsPlacesAndACorrectionNeedsItsReason() {
        String provision = api.commission(Api.newProvisionId("PCN"), "RESOURCE_BASE", 10);

        Api.Answer nil = placeChange("finance", provision, NEXT, "{\"nilReturn\":true}");
        assertThat(nil.status()).as(nil.body()).isEqualTo(200);
        eventually(() -> entry("returns", provision) != null);
        JsonNode returned = entry("returns", provision);
        assertThat(returned.get("nilReturn").asBoolean()).isTrue();
        assertThat(returned.get("requestedPlaces").asInt()).isEqualTo(10);
        assertThat(returned.get("change").asInt()).isZero();
        assertThat(returned.get("reason").isNull()).isTrue();

        Api.Answer again = placeChange("finance", provision, NEXT, "{\"nilReturn\":true}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asLong()).isZero();

        Api.Answer noCorrectionReason = placeChange("provision-admin", provision, NEXT,
                "{\"places\":7,\"reason\":\"DECREASED_DEMAND\"}");
        assertThat(noCorrectionReason.status()).as(noCorrectionReason.body()).isEqualTo(422);
        assertThat(noCorrectionReason.rule()).isEqualTo("R-PLACE-CHANGE-CORRECTION");
        Api.Answer stale = placeChange("provision-admin", provision, NEXT,
                "{\"places\":7,\"reason\":\"DECREASED_DEMAND\",\"correction\":\"census figures\"}",
                "If-Match", "\"3\"");
        assertThat(stale.status()).isEqualTo(412);
        Api.Answer corrected = placeChange("provision-admin", provision, NEXT,
                "{\"places\":7,\"reason\":\"DECREASED_DEMAND\",\"correction\":\"census figures\"}",
                "If-Match", "\"0\"");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("version").asLong()).isEqualTo(1);
        eventually(() -> entry("returns", provision).get("requestedPlaces").asInt() == 7);
        JsonNode now = entry("returns", provision);
        assertThat(now.get("correction").asBoolean()).isTrue();
        assertThat(now.get("correctionReason").asText()).isEqualTo("census figures");
        assertThat(now.get("change").asInt()).isEqualTo(-3);
    }

    @Test
    void theRulesAnswerWithTheirCodesAndMalformedInputIs400() {
        String provision = api.commission(Api.newProvisionId("PCN"), "SEN_UNIT", 6);

        Api.Answer thisYear = placeChange("finance", provision, THIS_YEAR.toString(),
                "{\"places\":8,\"reason\":\"EXPANSION\"}");
        assertThat(thisYear.status()).as(thisYear.body()).isEqualTo(422);
        assertThat(thisYear.rule()).isEqualTo("R-PLACE-CHANGE-YEAR");
        assertThat(thisYear.header("Content-Type")).startsWith("application/problem+json");
        assertThat(placeChange("finance", provision, NEXT, "{\"places\":8}").rule())
                .isEqualTo("R-PLACE-CHANGE-REASON");
        assertThat(placeChange("finance", provision, NEXT, "{\"places\":8,\"reason\":\"OTHER\"}").rule())
                .isEqualTo("R-PLACE-CHANGE-REASON");
        assertThat(placeChange("finance", provision, NEXT, "{\"places\":8,\"nilReturn\":true}").rule())
                .isEqualTo("R-NIL-RETURN");
        assertThat(placeChange("finance", provision, NEXT, "{\"nilReturn\":true,\"reason\":\"OTHER\"}").rule())
                .isEqualTo("R-NIL-RETURN");

        assertThat(api.post("provision-admin", "/api/provisions/" + provision + "/close",
                "{\"closedOn\":\"" + THIS_YEAR.firstDay() + "\",\"reason\":\"decommissioned\"}")
                .status()).isEqualTo(200);
        Api.Answer closed = placeChange("finance", provision, NEXT, "{\"nilReturn\":true}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(409);
        assertThat(closed.rule()).isEqualTo("R-PLACE-CHANGE-OPEN");

        assertThat(placeChange("finance", "NO-SUCH-PROVISION", NEXT, "{\"nilReturn\":true}").status())
                .isEqualTo(404);
        assertThat(placeChange("finance", "not-a-provision", NEXT, "{\"nilReturn\":true}").status())
                .isEqualTo(404);
        assertThat(placeChange("finance", provision, "2027-29", "{\"nilReturn\":true}").status()).isEqualTo(400);
        assertThat(placeChange("finance", provision, NEXT, "{}").status()).isEqualTo(400);
        assertThat(placeChange("finance", provision, NEXT, "{\"places\":501,\"reason\":\"EXPANSION\"}").status())
                .isEqualTo(400);
        assertThat(placeChange("finance", provision, NEXT, "{\"places\":8,\"reason\":\"MORE\"}").status())
                .isEqualTo(400);
        assertThat(api.get("finance", "/api/funding/place-change?academicYear=2027").status()).isEqualTo(400);
    }

    @Test
    void theCsvHasTheWorkbooksColumnsARowPerProvisionAndNoPersonalData() {
        String asking = api.commission(Api.newProvisionId("PCN"), "SEN_UNIT", 6);
        String waiting = api.commission(Api.newProvisionId("PCN"), "RESOURCE_BASE", 9);
        assertThat(placeChange("provision-admin", asking, NEXT,
                "{\"places\":4,\"reason\":\"REALIGNMENT\",\"note\":\"two rooms, \\\"one\\\" in use\"}").status())
                .isEqualTo(200);
        eventually(() -> entry("returns", asking) != null && entry("outstanding", waiting) != null);

        Api.Answer csv = api.get("analyst", "/api/funding/place-change.csv?academicYear=" + NEXT);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("place-change-" + NEXT + ".csv");
        int start = THIS_YEAR.startYear();
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("URN,School name,Provision ID,Provision name,Provision type," + start + " to "
                + (start + 1) + " places," + (start + 1) + " to " + (start + 2) + " places requested,"
                + "Change in places,Reason for change,Nil return,Comments");
        assertThat(lines).contains("100001,Host School," + asking + ",Test provision " + asking
                + ",SEN unit,6,4,\"-2\",Realignment with pupil numbers,No,\"two rooms, \"\"one\"\" in use\"");
        assertThat(lines).contains("100001,Host School," + waiting + ",Test provision " + waiting
                + ",Resourced provision,9,,,,,");
        assertThat(csv.body()).doesNotContain("Olivia").doesNotContain("Hargreaves");
    }
}
