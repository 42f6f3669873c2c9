package uk.placements.query.operations;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A processor's event handlers as its {@link EventHandlerInvoker} calls them for a replayed event in the root segment,
 * with what depends only on the event's types worked out once per type instead of once per event.
 * <p>
 * For each event, Axon's {@link MultiEventHandlerInvoker} asks every invoker whether it supports a reset and whether
 * one of its handlers can handle the event (streams over every handler method and its parameters), and a {@link
 * SimpleEventHandlerInvoker} then offers the event to every handler, each of which searches its methods again. In a
 * rebuild's profile that was a third of the handler thread's time, for answers that are the same for every event of a
 * type: here they are kept per payload type and kind of message (a domain event or not: what the parameters of the
 * projections' handlers match on). What is left is what the invoker does for the handlers that take the event: their
 * {@link EventMessageHandler#handle}, their error handler on a failure. Each invoker of another kind is called as the
 * multi-invoker calls it.
 * <p>
 * For replays ({@link DirectReplay}), in the root segment: an invoker that does not support a reset gets no replayed
 * event, and the root segment matches every sequence, so no sequencing policy is consulted. An event that is not a
 * replay is handed to the processor's invoker as it is.
 */
final class ReplayHandlers {

    /**
     * Handlers of one invoker that take events of one type, with that invoker's error handler; or an invoker of
     * another kind ({@code other}), asked about each event.
     */
    private record Takers(List<EventMessageHandler> handlers, ListenerInvocationErrorHandler errors,
                          EventHandlerInvoker other) {
    }

    /** The invokers that take replayed events, in their order. */
    private final List<EventHandlerInvoker> replaying = new ArrayList<>();
    /** Per payload type, the takers of a domain event of it, in the invokers' order. */
    private final Map<Class<?>, List<Takers>> domainEvents = new HashMap<>();
    /** Per payload type, the takers of an event of it that is not a domain event. */
    private final Map<Class<?>, List<Takers>> otherEvents = new HashMap<>();
    /** Whether some handler takes a payload type (asked by the reader's thread, which deserialises only those). */
    private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();
    private final EventHandlerInvoker invoker;

    ReplayHandlers(EventHandlerInvoker invoker) {
        this.invoker = invoker;
        List<EventHandlerInvoker> invokers = invoker instanceof MultiEventHandlerInvoker multi
                ? multi.delegates() : List.of(invoker);
        for (EventHandlerInvoker each : invokers) {
            if (each.supportsReset()) { // else a replayed event never reaches it
                replaying.add(each);
            }
        }
    }

    /** Whether some handler takes events of {@code payloadType} (safe from any thread). */
    boolean canHandleType(Class<?> payloadType) {
        return handledTypes.computeIfAbsent(payloadType, invoker::canHandleType);
    }

    /**
     * Hands {@code event} to the handlers that take it, as the processor's invoker would. An event that is not a
     * replay (one stored after the rebuild began: the history is read to its end) goes to the invoker itself.
     */
    void handle(EventMessage<?> event) throws Exception {
        if (!ReplayToken.isReplay(event)) {
            invoker.handle(event, Segment.ROOT_SEGMENT);
            return;
        }
        Map<Class<?>, List<Takers>> byType = event instanceof DomainEventMessage<?> ? domainEvents : otherEvents;
        for (Takers each : byType.computeIfAbsent(event.getPayloadType(), type -> takers(event))) {
            if (each.other() != null) {
                if (each.other().canHandle(event, Segment.ROOT_SEGMENT)) {
                    each.other().handle(event, Segment.ROOT_SEGMENT);
                }
                continue;
            }
            for (EventMessageHandler handler : each.handlers()) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    each.errors().onError(e, event, handler);
                }
            }
        }
    }

    /**
     * For the first event of its type and kind: in each invoker, the handlers whose methods take it. (Whether a
     * handler method takes an event depends on its payload type and on what its parameters need of the message: the
     * projections' need a domain event's sequence number, its timestamp, metadata, the replay status or the tracked
     * message, none of which differs between two domain events of one type in a replay.)
     */
    private List<Takers> takers(EventMessage<?> event) {
        List<Takers> takers = new ArrayList<>();
        for (EventHandlerInvoker each : replaying) {
            if (each instanceof SimpleEventHandlerInvoker simple) {
                List<EventMessageHandler> handlers = simple.eventHandlers().stream()
                        .filter(handler -> handler.canHandle(event)).toList();
                if (!handlers.isEmpty()) {
                    takers.add(new Takers(handlers, simple.getListenerInvocationErrorHandler(), null));
                }
            } else {
                takers.add(new Takers(List.of(), null, each));
            }
        }
        return List.copyOf(takers);
    }
}
