package uk.placements.query.operations;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rebuild hands each replayed event to exactly the handler methods, in exactly the order, that the processor's own
 * invoker would: the most specific method of each handler, a method needing a domain event's sequence number only for
 * domain events, nothing to a handler that disallows replays, invokers of other kinds asked as the multi-invoker asks
 * them, and a failure to the invoker's error handler (propagated or logged).
 */
class ReplayHandlersTest {

    interface Shape {
    }

    record Circle(int r) implements Shape {
    }

    record Square(int side) implements Shape {
    }

    record Triangle(int n) implements Shape {
    }

    record Unhandled(int n) {
    }

    static final class Shapes {
        final List<String> log;

        Shapes(List<String> log) {
            this.log = log;
        }

        @EventHandler
        void on(Circle circle, @SequenceNumber long seq) {
            log.add("Shapes: circle " + circle.r() + " at " + seq);
        }

        @EventHandler
        void on(Shape shape) {
            log.add("Shapes: shape " + shape);
        }
    }

    static final class Squares {
        final List<String> log;

        Squares(List<String> log) {
            this.log = log;
        }

        @EventHandler
        void on(Square square, ReplayStatus status) {
            log.add("Squares: " + square.side() + " " + status);
        }
    }

    @DisallowReplay
    static final class LiveOnly {
        final List<String> log;

        LiveOnly(List<String> log) {
            this.log = log;
        }

        @EventHandler
        void on(Shape shape) {
            log.add("LiveOnly: " + shape);
        }
    }

    static final class PartlyLive {
        final List<String> log;

        PartlyLive(List<String> log) {
            this.log = log;
        }

        @EventHandler
        @DisallowReplay
        void on(Circle circle) {
            log.add("PartlyLive: circle " + circle);
        }

        @EventHandler
        void on(Triangle triangle) {
            if (triangle.n() < 0) {
                throw new IllegalStateException("no negative triangles");
            }
            log.add("PartlyLive: triangle " + triangle.n());
        }
    }

    /** An invoker of another kind than Axon's simple one. */
    record Other(List<String> log) implements EventHandlerInvoker {
        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            return eventMessage.getPayload() instanceof Square;
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return Square.class.equals(payloadType);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
            log.add("Other: " + message.getPayload());
        }

        @Override
        public boolean supportsReset() {
            return true;
        }
    }

    private static final TrackingToken AT_RESET = new GlobalSequenceTrackingToken(1_000);

    /** The processor's invoker of one test, writing to {@code log}. */
    private static EventHandlerInvoker invoker(List<String> log, boolean propagate) {
        return new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new Shapes(log), new LiveOnly(log), new Squares(log))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build(),
                new Other(log),
                SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new LiveOnly(log))
                        .build(),
                SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new PartlyLive(log), new Squares(log))
                        .listenerInvocationErrorHandler(propagate ? PropagatingErrorHandler.instance()
                                : new LoggingErrorHandler())
                        .build());
    }

    private static TrackedEventMessage<?> domainEvent(long position, Object payload) {
        return new GenericTrackedDomainEventMessage<>(ReplayToken.createReplayToken(AT_RESET,
                new GlobalSequenceTrackingToken(position)),
                new GenericDomainEventMessage<>("Shape", "shape-" + position % 3, position, payload));
    }

    private static TrackedEventMessage<?> event(long position, Object payload) {
        return new GenericTrackedEventMessage<>(ReplayToken.createReplayToken(AT_RESET,
                new GlobalSequenceTrackingToken(position)), GenericEventMessage.asEventMessage(payload));
    }

    private static List<TrackedEventMessage<?>> history() {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        long position = 0;
        for (int round = 0; round < 3; round++) {
            events.add(domainEvent(++position, new Circle(round)));
            events.add(event(++position, new Circle(round + 10)));
            events.add(domainEvent(++position, new Square(round)));
            events.add(event(++position, new Square(round + 10)));
            events.add(domainEvent(++position, new Triangle(round)));
            events.add(domainEvent(++position, new Unhandled(round)));
        }
        return events;
    }

    /** What {@code handle} wrote to the log for each event of the history, one entry per event. */
    private static List<String> run(Function<List<String>, EventHandlerInvoker> invokerOf, boolean direct,
                                    List<TrackedEventMessage<?>> events) throws Exception {
        List<String> log = new ArrayList<>();
        EventHandlerInvoker invoker = invokerOf.apply(log);
        ReplayHandlers handlers = new ReplayHandlers(invoker);
        List<String> perEvent = new ArrayList<>();
        for (TrackedEventMessage<?> event : events) {
            int before = log.size();
            if (direct) {
                handlers.handle(event);
            } else {
                invoker.handle(event, Segment.ROOT_SEGMENT);
            }
            perEvent.add(event.getPayload() + " -> " + log.subList(before, log.size()));
        }
        return perEvent;
    }

    @Test
    void everyEventReachesTheHandlersTheProcessorsInvokerWouldCallInItsOrder() throws Exception {
        List<TrackedEventMessage<?>> events = history();
        List<String> axon = run(log -> invoker(log, true), false, events);
        List<String> direct = run(log -> invoker(log, true), true, events);

        assertThat(direct).isEqualTo(axon);
        // and the comparison compares something: the shapes the test means to tell apart
        assertThat(axon).contains(
                "Circle[r=0] -> [Shapes: circle 0 at 1]",
                "Circle[r=10] -> [Shapes: shape Circle[r=10]]",
                "Square[side=0] -> [Shapes: shape Square[side=0], Squares: 0 REPLAY, Other: Square[side=0],"
                        + " Squares: 0 REPLAY]",
                "Triangle[n=0] -> [Shapes: shape Triangle[n=0], PartlyLive: triangle 0]",
                "Unhandled[n=0] -> []");
    }

    @Test
    void aFailingHandlerGoesToItsInvokersErrorHandler() throws Exception {
        List<TrackedEventMessage<?>> events = List.of(domainEvent(1, new Triangle(-1)), domainEvent(2,
                new Triangle(2)));
        // logged and passed over
        assertThat(run(log -> invoker(log, false), true, events))
                .isEqualTo(run(log -> invoker(log, false), false, events))
                .contains("Triangle[n=2] -> [Shapes: shape Triangle[n=2], PartlyLive: triangle 2]");
        // propagated, as the rebuild's processors are configured
        ReplayHandlers handlers = new ReplayHandlers(invoker(new ArrayList<>(), true));
        assertThatThrownBy(() -> handlers.handle(events.get(0))).hasMessageContaining("no negative triangles");
    }

    /** An event stored after the rebuild began is no replay: every handler takes it, those live only too. */
    @Test
    void anEventAfterTheResetReachesTheLiveHandlersToo() throws Exception {
        List<TrackedEventMessage<?>> events = new ArrayList<>(history());
        events.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(1_001),
                new GenericDomainEventMessage<>("Shape", "a", 0, new Circle(1))));
        List<String> direct = run(log -> invoker(log, true), true, events);
        assertThat(direct).isEqualTo(run(log -> invoker(log, true), false, events));
        assertThat(direct.get(direct.size() - 1)).contains("LiveOnly").contains("PartlyLive: circle");
    }

    @Test
    void theTypesSomeHandlerTakes() {
        ReplayHandlers handlers = new ReplayHandlers(invoker(new ArrayList<>(), true));
        assertThat(handlers.canHandleType(Circle.class)).isTrue();
        assertThat(handlers.canHandleType(Square.class)).isTrue();
        assertThat(handlers.canHandleType(Unhandled.class)).isFalse();
    }
}
