package uk.placements.app.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Provisions with capacity and staffing, readable by every role. */
class ProvisionReadsTest extends AppTest {

    @Test
    void aProvisionShowsItsCapacityAndStaffing() {
        String provision = api.commission(Api.newProvisionId("CAP"), "RESOURCE_BASE", 2);
        api.post("provision-admin", "/api/provisions/" + provision + "/staffing",
                "{\"adults\":3,\"qualifiedTeachers\":1,\"therapyHoursPerWeek\":4.5,\"effectiveFrom\":\"2026-09-01\"}");
        String admitted = api.refer(Api.newUpn());
        api.offer(admitted, provision);
        api.post("caseworker", "/api/placements/" + admitted + "/admission", "{\"admittedOn\":\"2026-09-20\"}");
        String offered = api.refer(Api.newUpn());
        api.offer(offered, provision);
        String over = api.refer(Api.newUpn());
        Api.Answer decided = api.post("caseworker", "/api/placements/" + over + "/offer", """
                {"provisionId":"%s","offeredOn":"2026-09-12",
                 "overCapacityDecision":{"reason":"named in the EHC plan","decidedBy":"Head of SEND"}}"""
                .formatted(provision));
        assertThat(decided.status()).isEqualTo(200);
        // every placement, not only the last: the placements' segments may be projected in any order
        eventually(() -> jdbc.queryForObject("SELECT COUNT(*) FROM rm_placement WHERE (placement_id = ? "
                + "AND status = 'ADMITTED') OR (placement_id IN (?, ?) AND status = 'OFFERED')", Long.class,
                admitted, offered, over) == 3);

        Api.Answer read = api.get("analyst", "/api/provisions/" + provision + "?minVersion=4");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"4\"");
        JsonNode p = read.json();
        assertThat(p.get("commissionedPlaces").asInt()).isEqualTo(2);
        assertThat(p.get("onRoll").asInt()).isEqualTo(1);
        assertThat(p.get("offersOutstanding").asInt()).isEqualTo(2);
        assertThat(p.get("vacancies").asInt()).isZero();
        assertThat(p.get("overCapacity").asInt()).isEqualTo(1);
        assertThat(p.get("staffing").get("adults").asInt()).isEqualTo(3);
        assertThat(p.get("staffing").get("therapyHoursPerWeek").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(p.get("hostSchool").get("urn").asText()).isEqualTo("100001");
    }

    @Test
    void provisionsAreListedWithFiltersForEveryRole() {
        String unit = api.commission(Api.newProvisionId("LIST"), "SEN_UNIT", 6);
        api.get("auditor", "/api/provisions/" + unit + "?minVersion=0");

        JsonNode units = api.get("caseworker", "/api/provisions?type=SEN_UNIT&need=ASD&size=500").json();
        JsonNode bases = api.get("auditor", "/api/provisions?type=RESOURCE_BASE&size=500").json();

        assertThat(units.get("items").findValuesAsText("id")).contains(unit);
        assertThat(bases.get("items").findValuesAsText("id")).doesNotContain(unit);
        assertThat(api.get("analyst", "/api/provisions").status()).isEqualTo(200);
        assertThat(api.get("provision-admin", "/api/provisions").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/provisions").status()).isEqualTo(401);
        assertThat(api.get("analyst", "/api/provisions/NO-SUCH-ONE").status()).isEqualTo(404);
    }
}
