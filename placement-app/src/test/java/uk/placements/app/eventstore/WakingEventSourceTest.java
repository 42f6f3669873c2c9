package uk.placements.app.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.placements.app.AppTest;
import uk.placements.app.PlacementsApplication;
import uk.placements.command.http.Api;
import uk.placements.query.operations.WakingEventSource;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' processors stream the embedded event store through {@link WakingEventSource}: a stream that has
 * read everything is called back when an event is appended (the store's own streams cannot, and Axon's processor
 * would look again only after 500 ms), and a closed stream is no longer called.
 */
@SpringBootTest(classes = PlacementsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:waking-event-source;DB_CLOSE_DELAY=-1",
                "placements.crypto.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
        })
class WakingEventSourceTest extends AppTest {

    @Autowired
    private EventStore eventStore;
    private WakingEventSource source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.stop();
        }
    }

    @Test
    void aStreamThatHasReadEverythingIsCalledBackWhenAnEventIsAppended() throws InterruptedException {
        source = new WakingEventSource(eventStore);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            assertThat(stream.hasNextAvailable()).isFalse();
            CountDownLatch woken = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(woken::countDown)).isTrue();

            String placement = api.refer(Api.newUpn());

            assertThat(woken.await(10, TimeUnit.SECONDS)).as("called back").isTrue();
            StringBuilder read = new StringBuilder();
            while (stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
                read.append(stream.nextAvailable().getPayload()).append('\n');
            }
            assertThat(read).as("the referral is there to read").contains(placement);
        }
    }

    @Test
    void aClosedStreamIsNoLongerCalledBack() throws InterruptedException {
        source = new WakingEventSource(eventStore);
        AtomicInteger closedOnesCalls = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(source.createHeadToken());
        closed.setOnAvailableCallback(closedOnesCalls::incrementAndGet);
        closed.close();
        try (BlockingStream<TrackedEventMessage<?>> open = source.openStream(source.createHeadToken())) {
            CountDownLatch woken = new CountDownLatch(1);
            open.setOnAvailableCallback(woken::countDown);

            api.refer(Api.newUpn());

            assertThat(woken.await(10, TimeUnit.SECONDS)).as("the open stream is called back").isTrue();
            assertThat(closedOnesCalls).hasValue(0);
        }
    }
}
