package uk.placements.query.dashboard;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import uk.placements.shared.dashboard.CapacityDashboard;
import uk.placements.shared.dashboard.GetCapacity;
import uk.placements.shared.dashboard.GetInclusion;
import uk.placements.shared.dashboard.GetWaitingList;
import uk.placements.shared.dashboard.InclusionDashboard;
import uk.placements.shared.dashboard.ProvisionCapacity;
import uk.placements.shared.dashboard.WaitingList;
import uk.placements.shared.dashboard.WatchCapacity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The authority's dashboards (ANALYST, ADMIN): no personal data, every figure "as at" a date. */
@RestController
@RequestMapping("/api/dashboard")
public class DashboardController {

    /** A browser reconnects by itself when a stream ends, so streams need not live forever. */
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final QueryGateway queries;
    private final Clock clock;
    private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();
    /** Set once the application starts to stop; see {@link #endStreams()}. */
    private volatile boolean closing;

    public DashboardController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/capacity")
    public CapacityDashboard capacity(@RequestParam(required = false) String asOf) {
        return queries.query(new GetCapacity(AsOf.parse(asOf, clock)), CapacityDashboard.class).join();
    }

    @GetMapping("/waiting-list")
    public WaitingList waitingList(@RequestParam(required = false) String asOf) {
        return queries.query(new GetWaitingList(AsOf.parse(asOf, clock)), WaitingList.class).join();
    }

    @GetMapping("/inclusion")
    public InclusionDashboard inclusion(@RequestParam(required = false) String asOf) {
        return queries.query(new GetInclusion(AsOf.parse(asOf, clock)), InclusionDashboard.class).join();
    }

    /**
     * Today's capacity of every open provision as "snapshot" events, then a "capacity" event with a provision's row
     * each time its figures change. Unlike the other dashboards every signed-in role may read it (the edge's security
     * configuration says so): its rows hold only the capacity figures {@code GET /api/provisions} gives them.
     */
    @GetMapping(path = "/capacity/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter capacityStream() {
        SseEmitter sse = new SseEmitter(STREAM_TIMEOUT.toMillis());
        SubscriptionQueryResult<List<ProvisionCapacity>, ProvisionCapacity> result = queries.subscriptionQuery(
                new WatchCapacity(), ResponseTypes.multipleInstancesOf(ProvisionCapacity.class),
                ResponseTypes.instanceOf(ProvisionCapacity.class));
        streams.add(sse);
        if (closing) {
            // Opened after endStreams() went through the set: end it here, or the stop would wait for it.
            streams.remove(sse);
            result.cancel();
            sse.complete();
            return sse;
        }
        sse.onCompletion(() -> {
            streams.remove(sse);
            result.cancel();
        });
        sse.onTimeout(sse::complete);
        sse.onError(e -> sse.complete());
        result.initialResult().subscribe(rows -> rows.forEach(row -> send(sse, "snapshot", row, result)),
                e -> sse.completeWithError(e));
        result.updates().subscribe(row -> send(sse, "capacity", row, result), sse::completeWithError, sse::complete);
        return sse;
    }

    private static void send(SseEmitter sse, String name, ProvisionCapacity row,
                             SubscriptionQueryResult<?, ?> result) {
        try {
            sse.send(SseEmitter.event().name(name).id(row.provisionId()).data(row, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            // The client went away: stop listening for it.
            result.cancel();
        }
    }

    /**
     * Ends the open streams when the application stops: a graceful shutdown waits for requests in flight, and a
     * stream would otherwise keep it waiting until spring.lifecycle.timeout-per-shutdown-phase (30 s by default).
     * This runs on ContextClosedEvent, before the web server stops taking requests, so a stream opened in between
     * (a client reconnecting at once) is ended as it opens: {@link #capacityStream()} adds it to the set before it
     * reads {@code closing}, and this sets {@code closing} before it goes through the set, so none is missed.
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        closing = true;
        streams.forEach(SseEmitter::complete);
    }
}
