package uk.placements.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import uk.placements.command.http.Api;

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
