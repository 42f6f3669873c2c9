package uk.placements.app.scale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.command.http.Api;
import uk.placements.command.http.Racers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command services on one PostgreSQL, each with its own aggregate locks and caches: callers racing through both
 * for the last places and for one pupil still meet R-CAPACITY and R-ONE-OPEN, because the event store's unique
 * (aggregate, sequence) key and the {@code open_placement} key decide between the services.
 */
class CommandRacesOnPostgresTest {

    private static final int RACERS = 16;
    private static ScaledOut services;
    private static Api[] commandServices;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void twoCommandServices() {
        services = new ScaledOut("command_races");
        ConfigurableApplicationContext first = services.command();
        ConfigurableApplicationContext second = services.command();
        commandServices = new Api[] {ScaledOut.api(first), ScaledOut.api(second)};
        jdbc = ScaledOut.jdbc(first);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void concurrentOffersThroughBothServicesForTheLastThreePlacesGiveExactlyThreeAndRefuseTheRestWithCapacity()
            throws Exception {
        String provision = commandServices[0].commission(Api.newProvisionId("RACE2"), "RESOURCE_BASE", 3);
        List<String> placements = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            placements.add(commandServices[i % 2].refer(Api.newUpn()));
        }

        List<Api.Answer> answers = Racers.race(RACERS, i -> commandServices[i % 2].offer(placements.get(i), provision));

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Api.Answer::status,
                Collectors.counting()));
        assertThat(byStatus).as(answers.toString()).containsOnlyKeys(200, 409);
        assertThat(byStatus.get(200)).isEqualTo(3);
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.rule()).isEqualTo("R-CAPACITY"));
        assertThat(eventCount(provision, "PlaceReserved")).isEqualTo(3);
        assertThat(placements.stream().mapToLong(p -> eventCount(p, "PlaceOffered")).sum()).isEqualTo(3);
    }

    @Test
    void concurrentReferralsOfOnePupilThroughBothServicesOpenExactlyOnePlacementAndRefuseTheRestWithOneOpen()
            throws Exception {
        String upn = Api.newUpn();

        List<Api.Answer> answers = Racers.race(RACERS, i -> commandServices[i % 2].post("caseworker", "/api/placements",
                Api.referralJson(upn, 3, "ASD", "EHCP", "2026-09-01")));

        String winner = Racers.oneCreatedTheRestRefused(answers, "R-ONE-OPEN");
        assertThat(eventCount(winner, "PupilReferred")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM open_placement WHERE placement_id = ?", Long.class,
                winner)).isEqualTo(1);
    }

    private static long eventCount(String aggregateId, String payloadTypeSuffix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE ?", Long.class, aggregateId, "%" + payloadTypeSuffix);
    }
}
