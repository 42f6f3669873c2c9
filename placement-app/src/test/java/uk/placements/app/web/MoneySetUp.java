package uk.placements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import uk.placements.command.http.Api;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the money pages' browser tests set up through the API: bands of their own (the tariff is one per installation
 * and the tests share a database), admitted placements, top-ups.
 */
final class MoneySetUp {

    private static final AtomicLong BANDS = new AtomicLong(System.nanoTime() % 1_000_000);

    private final Api api;

    MoneySetUp(Api api) {
        this.api = api;
    }

    /** A band code no other test uses. */
    static String newBand() {
        return "W" + BANDS.incrementAndGet();
    }

    void setBand(String band, String financialYear, String value) {
        Api.Answer set = api.put("finance", "/api/funding/tariff/bands/" + band,
                "{\"financialYear\":\"" + financialYear + "\",\"annualValue\":" + value + "}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** A new provision of the type given, with {@code places} commissioned places, host school URN 100001. */
    String provision(String prefix, String type, int places) {
        return api.commission(Api.newProvisionId(prefix), type, places);
    }

    /** A pupil referred, offered a place in the provision on 10 September 2026 and admitted on the day given. */
    String admitted(String provision, String admittedOn) {
        String placement = api.refer(Api.newUpn());
        Api.Answer offer = api.offer(placement, provision);
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
        Api.Answer admission = api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"" + admittedOn + "\"}");
        assertThat(admission.status()).as(admission.body()).isEqualTo(200);
        return placement;
    }

    private static final AtomicLong URNS = new AtomicLong(900_000 + System.nanoTime() % 90_000);

    /** A URN no other test's provision has (they share 100001): its school's payment schedule is this test's. */
    static String newUrn() {
        return Long.toString(URNS.incrementAndGet());
    }

    /** A provision at a host school of its own. */
    String provisionAt(String prefix, String type, int places, String urn, String school) {
        String id = Api.newProvisionId(prefix);
        Api.Answer a = api.post("provision-admin", "/api/provisions", Api.provisionJson(id, type, 0, 6,
                "\"ASD\",\"SLCN\"", places).replace("\"urn\":\"100001\"", "\"urn\":\"" + urn + "\"")
                .replace("Host School", school));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return id;
    }

    /** A pupil referred ten days before {@code admittedOn}, offered a place the day before it and admitted then. */
    String admittedOn(String provision, LocalDate admittedOn) {
        Api.Answer referral = api.post("caseworker", "/api/placements",
                Api.referralJson(Api.newUpn(), 3, "ASD", "EHCP", admittedOn.minusDays(10).toString()));
        assertThat(referral.status()).as(referral.body()).isEqualTo(201);
        String placement = referral.json().get("id").asText();
        Api.Answer offer = api.post("caseworker", "/api/placements/" + placement + "/offer",
                "{\"provisionId\":\"" + provision + "\",\"offeredOn\":\"" + admittedOn.minusDays(1) + "\"}");
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
        Api.Answer admission = api.post("caseworker", "/api/placements/" + placement + "/admission",
                "{\"admittedOn\":\"" + admittedOn + "\"}");
        assertThat(admission.status()).as(admission.body()).isEqualTo(200);
        return placement;
    }

    /** The financial year (April to March) of a day, written 2026-27. */
    static String financialYear(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    void topUp(String placement, String band, String effectiveFrom) {
        Api.Answer assigned = api.post("caseworker", "/api/funding/placements/" + placement + "/top-up",
                "{\"band\":\"" + band + "\",\"effectiveFrom\":\"" + effectiveFrom + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    }

    boolean listedWithoutFunding(String provision, String placement) {
        JsonNode items = api.get("finance", "/api/funding/without-funding?size=500&provisionId=" + provision)
                .json().get("items");
        for (JsonNode item : items) {
            if (item.get("placementId").asText().equals(placement)) {
                return true;
            }
        }
        return false;
    }
}
