package uk.placements.app.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.placements.app.AppTest;
import uk.placements.app.PlacementsApplication;
import uk.placements.command.http.Api;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' event stream, asked with a tracking token that has gaps (the statement the product replaces,
 * {@code EventStoreConfiguration}): the events of the gaps and those after the token's index, each once, in order
 * of their global index, exactly as the table holds them.
 */
@SpringBootTest(classes = PlacementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:event-stream-gaps;DB_CLOSE_DELAY=-1",
                "placements.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
        })
class EventStreamGapsTest extends AppTest {

    @Autowired
    private EventStorageEngine storageEngine;

    @Test
    void aTokenWithGapsReadsTheGapsAndWhatFollowsOnceInOrder() {
        String provision = api.commission(Api.newProvisionId("GAPS"), "SEN_UNIT", 5);
        for (int i = 0; i < 4; i++) {
            assertThat(api.offer(api.refer(Api.newUpn()), provision).status()).isEqualTo(200);
        }
        List<Long> stored = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry ORDER BY globalIndex",
                Long.class);
        assertThat(stored).hasSizeGreaterThan(10);
        long head = stored.get(stored.size() - 1);
        long seen = stored.get(stored.size() - 5);
        List<Long> gaps = List.of(stored.get(stored.size() - 9), stored.get(stored.size() - 7));

        List<Long> read;
        try (Stream<? extends TrackedEventMessage<?>> events =
                     storageEngine.readEvents(GapAwareTrackingToken.newInstance(seen, gaps), false)) {
            // a gap-aware token's position is its highest index, not the event's: look each event up by its id
            read = events.map(e -> jdbc.queryForObject(
                    "SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?", Long.class,
                    e.getIdentifier())).toList();
        }

        assertThat(read).containsExactly(gaps.get(0), gaps.get(1), stored.get(stored.size() - 4),
                stored.get(stored.size() - 3), stored.get(stored.size() - 2), head);
    }
}
