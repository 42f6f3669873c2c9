package uk.placements.app.bases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.placements.app.AppTest;
import uk.placements.command.http.Api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inclusion bases (issue 17, point 4): the facts of a base recorded over HTTP, its standards as at a date, and the
 * comparison of bases with an outlier planted in it (docs/inclusion-bases.md).
 */
class InclusionBasesApiTest extends AppTest {

    private static final String PA = "provision-admin";

    private String commission(String prefix, String type, String phase, int lowest, int highest, String openedOn) {
        String id = Api.newProvisionId(prefix);
        Api.Answer a = api.post(PA, "/api/provisions", """
                {"id":"%s","name":"Base %s","type":"%s","hostSchool":{"urn":"100001","name":"Host School"},
                 "phase":"%s","lowestYear":%d,"highestYear":%d,"designatedNeeds":["ASD"],
                 "commissionedPlaces":6,"openedOn":"%s"}""".formatted(id, id, type, phase, lowest, highest,
                openedOn));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return id;
    }

    /** Posts a fact of the base and answers the provision's version after it. */
    private long write(String provision, String what, String json) {
        Api.Answer a = api.post(PA, "/api/provisions/" + provision + "/" + what, json);
        assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(200);
        return a.json().get("version").asLong();
    }

    private void staffing(String provision, int adults, int teachers, String therapy, String from) {
        write(provision, "staffing", """
                {"adults":%d,"qualifiedTeachers":%d,"therapyHoursPerWeek":%s,"effectiveFrom":"%s"}"""
                .formatted(adults, teachers, therapy, from));
    }

    /** A pupil referred, offered and admitted at the provision; answers the placement's id. */
    private String admit(String provision, int year, String dateOfBirth, String referredOn, String offeredOn,
                         String admittedOn, int mainstreamPercent) {
        Api.Answer referred = api.post("caseworker", "/api/placements", """
                {"pupil":{"upn":"%s","givenName":"Rowan","familyName":"Ashdown","dateOfBirth":"%s"},
                 "yearGroup":%d,"primaryNeed":"ASD","ehcpStatus":"EHCP","homeSchoolUrn":"200002",
                 "referredOn":"%s"}""".formatted(Api.newUpn(), dateOfBirth, year, referredOn));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String id = referred.json().get("id").asText();
        Api.Answer offer = api.post("caseworker", "/api/placements/" + id + "/offer",
                "{\"provisionId\":\"" + provision + "\",\"offeredOn\":\"" + offeredOn + "\"}");
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
        Api.Answer admitted = api.post("caseworker", "/api/placements/" + id + "/admission",
                "{\"admittedOn\":\"" + admittedOn + "\",\"mainstreamPercent\":" + mainstreamPercent + "}");
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        return id;
    }

    private JsonNode standards(String provision, String asOf) {
        Api.Answer a = api.get("caseworker", "/api/provisions/" + provision + "/standards?asOf=" + asOf);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private void caughtUp(String provision, long version) {
        assertThat(api.get("caseworker", "/api/provisions/" + provision + "?minVersion=" + version)
                .header("X-Stale")).isNull();
    }

    private static Map<String, String> statuses(JsonNode standards) {
        Map<String, String> byCode = new HashMap<>();
        standards.get("expectations").forEach(e -> byCode.put(e.get("code").asText(), e.get("status").asText()));
        return byCode;
    }

    @Test
    void aBaseWithANamedTeacherPeersAccessTherapyAndPupilsInTheBandMeetsEveryExpectation() {
        String base = commission("ALL", "RESOURCE_BASE", "PRIMARY", 0, 6, "2024-09-01");
        staffing(base, 4, 1, "6.0", "2024-09-01");
        write(base, "base-model", "{\"baseModel\":\"SPECIALIST\",\"effectiveFrom\":\"2024-09-01\"}");
        write(base, "base-lead", "{\"teacherName\":\"Ms Imogen Example\",\"effectiveFrom\":\"2024-09-01\"}");
        // no peers' hours: the configured default (25 h) is the one compared with
        long version = write(base, "teacher-access", "{\"hoursPerWeek\":25,\"effectiveFrom\":\"2024-09-01\"}");
        caughtUp(base, version);
        admit(base, 3, "2017-05-14", "2024-09-02", "2024-09-05", "2024-09-10", 60);
        eventually(() -> standards(base, "2025-01-01").get("figures").get("onRoll").asInt() == 1);

        JsonNode json = standards(base, "2025-01-01");
        assertThat(json.get("open").asBoolean()).isTrue();
        assertThat(json.get("baseModel").asText()).isEqualTo("SPECIALIST");
        assertThat(statuses(json)).containsOnly(Map.entry("LEAD_TEACHER", "MET"),
                Map.entry("TEACHER_ACCESS", "MET"), Map.entry("TIME_IN_MAINSTREAM", "MET"),
                Map.entry("THERAPY_INPUT", "MET"));
        assertThat(json.get("met").asInt()).isEqualTo(4);
        assertThat(json.get("notMet").asInt()).isZero();
        assertThat(json.get("unknown").asInt()).isZero();
        JsonNode figures = json.get("figures");
        assertThat(figures.get("leadTeacherName").asText()).isEqualTo("Ms Imogen Example");
        assertThat(figures.get("leadVacant").asBoolean()).isFalse();
        assertThat(figures.get("qualifiedTeacherHoursPerWeek").decimalValue()).isEqualByComparingTo("25");
        assertThat(figures.get("mainstreamPeerHoursPerWeek").decimalValue()).isEqualByComparingTo("25");
        assertThat(figures.get("averageMainstreamPercent").asDouble()).isEqualTo(60.0);
        assertThat(figures.get("therapyHoursPerWeek").decimalValue()).isEqualByComparingTo("6");
        assertThat(figures.get("qualifiedTeachers").asInt()).isEqualTo(1);
        // the provision itself shows its model
        assertThat(api.get("caseworker", "/api/provisions/" + base).json().get("baseModel").asText())
                .isEqualTo("SPECIALIST");
        // without asOf: today, when it still meets them all
        assertThat(api.get("analyst", "/api/provisions/" + base + "/standards").json().get("met").asInt())
                .isEqualTo(4);
    }

    @Test
    void aBaseWhoseLeadPostIsVacantMissesTheQualifiedTeacherAndSaysWhatItDoesNotKnow() {
        String base = commission("NOQT", "SEN_UNIT", "PRIMARY", 0, 6, "2024-09-01");
        staffing(base, 3, 1, "0", "2024-09-01");
        write(base, "base-lead", "{\"vacant\":true,\"effectiveFrom\":\"2024-09-01\"}");
        long version = write(base, "teacher-access", "{\"hoursPerWeek\":20,\"mainstreamPeerHoursPerWeek\":24,"
                + "\"effectiveFrom\":\"2024-09-01\"}");
        caughtUp(base, version);

        JsonNode json = standards(base, "2025-01-01");
        assertThat(statuses(json)).containsOnly(Map.entry("LEAD_TEACHER", "NOT_MET"),
                Map.entry("TEACHER_ACCESS", "NOT_MET"), Map.entry("TIME_IN_MAINSTREAM", "UNKNOWN"),
                Map.entry("THERAPY_INPUT", "NOT_MET"));
        assertThat(json.get("baseModel").isNull()).isTrue();
        assertThat(json.get("figures").get("leadVacant").asBoolean()).isTrue();
        assertThat(json.get("figures").get("leadTeacherName").isNull()).isTrue();
        assertThat(json.get("figures").get("mainstreamPeerHoursPerWeek").decimalValue()).isEqualByComparingTo("24");
        assertThat(json.get("met").asInt()).isZero();
        assertThat(json.get("notMet").asInt()).isEqualTo(3);
        assertThat(json.get("unknown").asInt()).isEqualTo(1);
    }

    @Test
    void datedChangesCountFromTheirOwnDatesBeforeAndAfterTheDateAsked() {
        String base = commission("DATED", "RESOURCE_BASE", "PRIMARY", 0, 6, "2024-09-01");
        staffing(base, 4, 1, "3", "2024-09-01");
        write(base, "base-model", "{\"baseModel\":\"SUPPORT\",\"effectiveFrom\":\"2024-09-01\"}");
        write(base, "base-model", "{\"baseModel\":\"SPECIALIST\",\"effectiveFrom\":\"2025-09-01\"}");
        write(base, "base-lead", "{\"teacherName\":\"Mr Dated Lead\",\"effectiveFrom\":\"2025-01-01\"}");
        write(base, "base-lead", "{\"vacant\":true,\"effectiveFrom\":\"2026-01-01\"}");
        write(base, "teacher-access", "{\"hoursPerWeek\":20,\"effectiveFrom\":\"2024-09-01\"}");
        // recorded last, back-dated between the others: it counts from its own date on
        long version = write(base, "teacher-access", "{\"hoursPerWeek\":26,\"effectiveFrom\":\"2025-03-01\"}");
        caughtUp(base, version);

        JsonNode before = standards(base, "2024-12-01");
        assertThat(before.get("baseModel").asText()).isEqualTo("SUPPORT");
        assertThat(statuses(before)).contains(Map.entry("LEAD_TEACHER", "UNKNOWN"),
                Map.entry("TEACHER_ACCESS", "NOT_MET"), Map.entry("THERAPY_INPUT", "MET"));

        JsonNode during = standards(base, "2025-06-01");
        assertThat(during.get("baseModel").asText()).isEqualTo("SUPPORT");
        assertThat(during.get("figures").get("leadTeacherName").asText()).isEqualTo("Mr Dated Lead");
        assertThat(during.get("figures").get("leadFrom").asText()).isEqualTo("2025-01-01");
        assertThat(during.get("figures").get("teacherAccessFrom").asText()).isEqualTo("2025-03-01");
        assertThat(statuses(during)).contains(Map.entry("LEAD_TEACHER", "MET"), Map.entry("TEACHER_ACCESS", "MET"));

        JsonNode after = standards(base, "2026-02-01");
        assertThat(after.get("baseModel").asText()).isEqualTo("SPECIALIST");
        assertThat(after.get("figures").get("leadTeacherName").isNull()).isTrue();
        assertThat(statuses(after)).contains(Map.entry("LEAD_TEACHER", "NOT_MET"),
                Map.entry("TEACHER_ACCESS", "MET"));

        JsonNode beforeOpening = standards(base, "2024-08-01");
        assertThat(beforeOpening.get("open").asBoolean()).isFalse();
        assertThat(beforeOpening.get("unknown").asInt()).isEqualTo(4);
    }

    @Test
    void baseFactsBreakingTheRulesOrMalformedAreRefusedAndRecordNothing() {
        String base = commission("RULES", "RESOURCE_BASE", "PRIMARY", 0, 6, "2024-09-01");
        Api.Answer early = api.post(PA, "/api/provisions/" + base + "/base-model",
                "{\"baseModel\":\"SUPPORT\",\"effectiveFrom\":\"2024-08-31\"}");
        assertThat(early.status()).as(early.body()).isEqualTo(422);
        assertThat(early.rule()).isEqualTo("R-BASE-DATE");
        Api.Answer long_ = api.post(PA, "/api/provisions/" + base + "/teacher-access",
                "{\"hoursPerWeek\":41,\"effectiveFrom\":\"2024-09-01\"}");
        assertThat(long_.status()).as(long_.body()).isEqualTo(422);
        assertThat(long_.rule()).isEqualTo("R-BASE-HOURS");
        Api.Answer both = api.post(PA, "/api/provisions/" + base + "/base-lead",
                "{\"teacherName\":\"Someone\",\"vacant\":true,\"effectiveFrom\":\"2024-09-01\"}");
        assertThat(both.status()).as(both.body()).isEqualTo(400);
        assertThat(both.body()).doesNotContain("Someone");
        Api.Answer neither = api.post(PA, "/api/provisions/" + base + "/base-lead",
                "{\"effectiveFrom\":\"2024-09-01\"}");
        assertThat(neither.status()).as(neither.body()).isEqualTo(400);
        Api.Answer model = api.post(PA, "/api/provisions/" + base + "/base-model",
                "{\"baseModel\":\"HYBRID\",\"effectiveFrom\":\"2024-09-01\"}");
        assertThat(model.status()).as(model.body()).isEqualTo(400);

        assertThat(api.get("caseworker", "/api/provisions/" + base + "?minVersion=0").json().get("version").asLong())
                .isZero();
        assertThat(api.get("caseworker", "/api/provisions/NO-SUCH-BASE/standards").status()).isEqualTo(404);
        assertThat(api.get("caseworker", "/api/provisions/" + base + "/standards?asOf=yesterday").status())
                .isEqualTo(400);
    }

    @Test
    void theComparisonSetsBasesSideBySideWithinTypeAndPhaseAndFlagsThePlantedOutlier() {
        // a type and phase, and years, no other test's provisions are open in
        List<String> therapy = List.of("4", "5", "5", "6", "24");
        List<String> bases = therapy.stream().map(t -> commission("CMP", "SEN_UNIT", "SECONDARY", 7, 11,
                "2003-09-01")).toList();
        for (int i = 0; i < bases.size(); i++) {
            staffing(bases.get(i), 3, 1, therapy.get(i), "2003-09-01");
        }
        write(bases.get(1), "base-lead", "{\"teacherName\":\"Mr Never Compared\",\"effectiveFrom\":\"2003-09-01\"}");
        for (String base : bases) {
            for (int pupil = 0; pupil < 2; pupil++) {
                admit(base, 8, "1992-05-14", "2003-10-01", "2003-10-05", "2003-10-20", 30);
            }
        }
        String moved = admit(bases.get(0), 8, "1992-05-14", "2003-10-01", "2003-10-05", "2003-10-20", 30);
        Api.Answer move = api.post("caseworker", "/api/placements/" + moved + "/move-to-mainstream",
                "{\"effectiveFrom\":\"2004-03-01\"}");
        assertThat(move.status()).as(move.body()).isEqualTo(200);

        String path = "/api/dashboard/bases?asOf=2004-06-01";
        eventually(() -> {
            JsonNode now = api.get("analyst", path).json();
            int total = 0;
            int moves = 0;
            for (JsonNode b : now.get("bases")) {
                if (bases.contains(b.get("provisionId").asText())) {
                    total += b.get("onRoll").asInt();
                    moves += b.get("movesToMainstream").asInt();
                }
            }
            return total == 10 && moves == 1;
        });
        Api.Answer answer = api.get("analyst", path);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("Rowan", "Ashdown", "Mr Never Compared", "1992-05-14");
        JsonNode json = answer.json();
        assertThat(json.get("method").asText()).contains("Q1 - 1.5 x IQR");

        JsonNode group = null;
        for (JsonNode g : json.get("groups")) {
            if (g.get("type").asText().equals("SEN_UNIT") && g.get("phase").asText().equals("SECONDARY")) {
                group = g;
            }
        }
        assertThat(group).isNotNull();
        assertThat(group.get("bases").asInt()).as("only this test's bases are open in 2004").isEqualTo(5);
        JsonNode therapyFences = fences(group, "THERAPY_HOURS_PER_PUPIL");
        // per pupil: 2, 2.5, 2.5, 3 and 12 hours
        assertThat(therapyFences.get("values").asInt()).isEqualTo(5);
        assertThat(therapyFences.get("q1").asDouble()).isEqualTo(2.5);
        assertThat(therapyFences.get("median").asDouble()).isEqualTo(2.5);
        assertThat(therapyFences.get("q3").asDouble()).isEqualTo(3.0);
        assertThat(therapyFences.get("lowerFence").asDouble()).isEqualTo(1.75);
        assertThat(therapyFences.get("upperFence").asDouble()).isEqualTo(3.75);

        Map<String, JsonNode> byId = new HashMap<>();
        json.get("bases").forEach(b -> byId.put(b.get("provisionId").asText(), b));
        JsonNode planted = byId.get(bases.get(4));
        assertThat(planted.get("therapyHoursPerPupil").asDouble()).isEqualTo(12.0);
        assertThat(outliers(planted)).containsExactly("THERAPY_HOURS_PER_PUPIL:HIGH");
        for (String other : bases.subList(2, 4)) {
            assertThat(outliers(byId.get(other))).as(other).isEmpty();
        }
        JsonNode first = byId.get(bases.get(0));
        assertThat(first.get("onRoll").asInt()).isEqualTo(2);
        assertThat(first.get("movesToMainstream").asInt()).isEqualTo(1);
        assertThat(first.get("movesToMainstreamPerPupil").asDouble()).isEqualTo(0.5);
        // the only base with moves, in a group where the others have none: flagged too
        assertThat(outliers(first)).containsExactly("MOVES_TO_MAINSTREAM_PER_PUPIL:HIGH");
        for (String id : bases) {
            JsonNode b = byId.get(id);
            assertThat(b.get("adultsPerPupil").asDouble()).isEqualTo(1.5);
            assertThat(b.get("qualifiedTeachersPerPupil").asDouble()).isEqualTo(0.5);
            assertThat(b.get("averageMainstreamPercent").asDouble()).isEqualTo(30.0);
            assertThat(b.get("medianDaysReferralToAdmission").asDouble()).isEqualTo(19.0);
            // time in mainstream (SEN Unit band: 20 %) and therapy met; lead and access unknown, but for the
            // named lead of the second
            assertThat(b.get("standardsMet").asInt()).isEqualTo(id.equals(bases.get(1)) ? 3 : 2);
        }
        // the second base meets one more expectation than the rest, which all meet the same: flagged HIGH
        assertThat(outliers(byId.get(bases.get(1)))).containsExactly("STANDARDS_MET:HIGH");
    }

    private static JsonNode fences(JsonNode group, String measure) {
        for (JsonNode f : group.get("fences")) {
            if (f.get("measure").asText().equals(measure)) {
                return f;
            }
        }
        throw new AssertionError("no fences for " + measure);
    }

    private static List<String> outliers(JsonNode base) {
        List<String> found = new java.util.ArrayList<>();
        base.get("outliers").forEach(o -> found.add(o.get("measure").asText() + ":" + o.get("direction").asText()));
        return found;
    }
}
