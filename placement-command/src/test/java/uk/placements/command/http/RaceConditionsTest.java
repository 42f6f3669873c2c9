package uk.placements.command.http;

import org.junit.jupiter.api.Test;
import uk.placements.command.ApiTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Caseworkers racing over real HTTP: the set-based rules hold, and a race never becomes a 500. */
class RaceConditionsTest extends ApiTest {

    private static final int RACERS = 16;

    @Test
    void sixteenConcurrentOffersForTheLastThreePlacesGiveExactlyThreeAndRefuseTheRestWithCapacity() throws Exception {
        String provision = api.commission(Api.newProvisionId("RACE"), "RESOURCE_BASE", 3);
        List<String> placements = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            placements.add(api.refer(Api.newUpn()));
        }

        List<Api.Answer> answers = Racers.race(RACERS, i -> api.offer(placements.get(i), provision));

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Api.Answer::status,
                Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(200, 409);
        assertThat(byStatus.get(200)).isEqualTo(3);
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.rule()).isEqualTo("R-CAPACITY"));
        assertThat(eventCount(provision, "PlaceReserved")).isEqualTo(3);
        long offered = placements.stream().mapToLong(p -> eventCount(p, "PlaceOffered")).sum();
        assertThat(offered).isEqualTo(3);
    }

    @Test
    void sixteenConcurrentReferralsOfOnePupilOpenExactlyOnePlacementAndRefuseTheRestWithOneOpen() throws Exception {
        String upn = Api.newUpn();

        List<Api.Answer> answers = Racers.race(RACERS, i -> api.post("caseworker", "/api/placements",
                Api.referralJson(upn, 3, "ASD", "EHCP", "2026-09-01")));

        String winner = Racers.oneCreatedTheRestRefused(answers, "R-ONE-OPEN");
        assertThat(eventCount(winner, "PupilReferred")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM open_placement WHERE placement_id = ?", Long.class,
                winner)).isEqualTo(1);
    }
}
