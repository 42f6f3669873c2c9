package uk.placements.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.placements.app.crash.CommandLog.Kind;
import uk.placements.app.crash.CommandLog.Outcome;
import uk.placements.app.crash.CommandLog.Sent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The event store as written to disk, read with plain JDBC once the app has stopped, held against the client's
 * {@link CommandLog}. Each check adds a line to {@link #problems()} rather than stopping at the first, so one run
 * shows everything that went wrong.
 */
final class EventStoreAudit {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored event; {@code type} is the payload class's simple name. */
    record Event(long globalIndex, String aggregateId, long sequence, String type, String correlationId,
                 JsonNode payload) {
        String text(String field) {
            JsonNode node = payload.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            return node.isObject() && node.has("value") ? node.get("value").asText() : node.asText();
        }
    }

    /** Where a placement stands, folded from its events: status, and the provision holding its place. */
    record PlacementFold(String status, String provisionId) {
    }

    private final List<Event> events;
    private final Map<String, List<Event>> byAggregate;
    private final Map<String, List<Event>> byCorrelation;
    private final List<String> problems = new ArrayList<>();

    private EventStoreAudit(List<Event> events) {
        this.events = events;
        this.byAggregate = events.stream().collect(Collectors.groupingBy(Event::aggregateId, TreeMap::new,
                Collectors.toList()));
        this.byCorrelation = events.stream().collect(Collectors.groupingBy(Event::correlationId, TreeMap::new,
                Collectors.toList()));
    }

    static EventStoreAudit read(String jdbcUrl) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT globalIndex, aggregateIdentifier, sequenceNumber, "
                     + "payloadType, metaData, payload FROM DomainEventEntry ORDER BY globalIndex")) {
            while (rs.next()) {
                String type = rs.getString(4);
                JsonNode metaData = json(rs.getBytes(5));
                JsonNode correlation = metaData.get("correlationId");
                events.add(new Event(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        type.substring(type.lastIndexOf('.') + 1),
                        correlation == null ? "(none)" : correlation.asText(), json(rs.getBytes(6))));
            }
        }
        return new EventStoreAudit(events);
    }

    int eventCount() {
        return events.size();
    }

    List<String> problems() {
        return problems;
    }

    /** Sequence numbers of every aggregate are 0, 1, 2, … with no gap and no repeat. */
    void sequencesAreContiguous() {
        byAggregate.forEach((aggregate, stream) -> {
            List<Long> sequences = stream.stream().map(Event::sequence).sorted().toList();
            for (int i = 0; i < sequences.size(); i++) {
                if (sequences.get(i) != i) {
                    problems.add(aggregate + ": sequences " + sequences + " are not 0.." + (sequences.size() - 1));
                    return;
                }
            }
        });
    }

    /** Every event belongs to a command the client sent: nothing appears that no one asked for. */
    void noEventWithoutACommand(CommandLog log) {
        byCorrelation.forEach((correlation, caused) -> {
            if (log.find(correlation) == null) {
                problems.add(caused.size() + " event(s) with correlation id " + correlation
                        + " that no command of the client carried: " + types(caused));
            }
        });
    }

    /**
     * An acknowledged command's events are there exactly once, and the version it acknowledged is the sequence
     * of its event on the aggregate it addressed; a refused one recorded nothing; one whose answer was lost either
     * recorded nothing or all of its events (a placement's and its provision's together), never a part.
     */
    void everyCommandAllOrNothing(CommandLog log) {
        for (Sent command : log.all()) {
            List<Event> caused = byCorrelation.getOrDefault(command.correlationId(), List.of());
            String what = command.kind() + " " + command.correlationId() + " (" + command.outcome() + ")";
            switch (command.outcome()) {
                case ACKNOWLEDGED -> {
                    if (!isComplete(command, caused)) {
                        problems.add(what + " acknowledged version " + command.version() + " of "
                                + command.aggregateId() + " but recorded " + describe(caused));
                    }
                }
                case LOST -> {
                    if (!caused.isEmpty() && !isComplete(command, caused)) {
                        problems.add(what + " is half-applied: " + describe(caused));
                    }
                }
                case REFUSED, SERVER_ERROR -> {
                    if (!caused.isEmpty()) {
                        problems.add(what + " was answered " + command.status() + " yet recorded "
                                + describe(caused));
                    }
                }
            }
        }
    }

    /** The command's events: exactly one of each expected type, on the aggregates it names. */
    private boolean isComplete(Sent command, List<Event> caused) {
        Kind kind = command.kind();
        List<String> expected = new ArrayList<>();
        if (kind.placementEvent != null) {
            expected.add(kind.placementEvent);
        }
        if (kind.provisionEvent != null) {
            expected.add(kind.provisionEvent);
        }
        if (!caused.stream().map(Event::type).sorted().toList().equals(expected.stream().sorted().toList())) {
            return false;
        }
        for (Event event : caused) {
            boolean provisionEvent = event.type().equals(kind.provisionEvent);
            String expectedAggregate = provisionEvent ? command.provisionId()
                    : kind == Kind.REFER ? event.aggregateId() : command.aggregateId();
            if (command.outcome() == Outcome.ACKNOWLEDGED && kind == Kind.REFER
                    && !event.aggregateId().equals(command.aggregateId())) {
                return false;
            }
            if (expectedAggregate != null && !expectedAggregate.equals(event.aggregateId())) {
                return false;
            }
            boolean onAddressed = provisionEvent == kind.onProvision();
            if (onAddressed && command.outcome() == Outcome.ACKNOWLEDGED && event.sequence() != command.version()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every PlaceReserved has its PlaceOffered (same command, same placement) and vice versa; every PlaceReleased
     * goes with a placement event of the same command; each reservation and release counts the places taken right;
     * and, at the end, the places a provision holds are exactly the placements offered or admitted there.
     */
    Map<String, Set<String>> placesMatchPlacements(Map<String, PlacementFold> placements) {
        Map<String, Set<String>> held = new TreeMap<>();
        for (Event event : events) {
            if (event.type().equals("ProvisionCommissioned")) {
                held.put(event.aggregateId(), new LinkedHashSet<>());
            }
            if (event.type().equals("PlaceReserved") || event.type().equals("PlaceReleased")) {
                String placement = event.text("placementId");
                Set<String> places = held.computeIfAbsent(event.aggregateId(), p -> new LinkedHashSet<>());
                boolean reserved = event.type().equals("PlaceReserved");
                if (reserved ? !places.add(placement) : !places.remove(placement)) {
                    problems.add(event.aggregateId() + ": " + event.type() + " of " + placement
                            + " does not match the places held " + places);
                }
                if (event.payload().get("placesTaken").asInt() != places.size()) {
                    problems.add(event.aggregateId() + ": " + event.type() + " says " + event.payload()
                            .get("placesTaken") + " places taken, " + places.size() + " are held");
                }
                List<Event> twins = byCorrelation.get(event.correlationId()).stream()
                        .filter(e -> e.aggregateId().equals(placement)).toList();
                Set<String> partners = reserved ? Set.of("PlaceOffered")
                        : Set.of("OfferDeclined", "OfferWithdrawn", "MovedToMainstream", "PlacementEnded");
                if (twins.size() != 1 || !partners.contains(twins.get(0).type())) {
                    problems.add(event.aggregateId() + ": " + event.type() + " of " + placement
                            + " has no matching placement event of its command: " + describe(twins));
                }
            }
            if (event.type().equals("PlaceOffered")) {
                long reservations = byCorrelation.get(event.correlationId()).stream()
                        .filter(e -> e.type().equals("PlaceReserved")
                                && e.aggregateId().equals(event.text("provisionId"))
                                && event.aggregateId().equals(e.text("placementId"))).count();
                if (reservations != 1) {
                    problems.add(event.aggregateId() + ": PlaceOffered at " + event.text("provisionId") + " has "
                            + reservations + " PlaceReserved in its command");
                }
            }
        }
        held.forEach((provision, places) -> {
            Set<String> live = placements.entrySet().stream()
                    .filter(p -> provision.equals(p.getValue().provisionId())
                            && Set.of("OFFERED", "ADMITTED").contains(p.getValue().status()))
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(LinkedHashSet::new));
            if (!live.equals(places)) {
                problems.add(provision + " holds places for " + places + " but the placements offered or admitted "
                        + "there are " + live);
            }
        });
        return held;
    }

    /** Each placement's status and the provision holding its place, folded from its own events. */
    Map<String, PlacementFold> placements() {
        Map<String, PlacementFold> folds = new TreeMap<>();
        byAggregate.forEach((aggregate, stream) -> {
            if (!stream.get(0).type().equals("PupilReferred")) {
                return;
            }
            PlacementFold fold = null;
            for (Event e : stream.stream().sorted(Comparator.comparingLong(Event::sequence)).toList()) {
                fold = switch (e.type()) {
                    case "PupilReferred", "OfferDeclined", "OfferWithdrawn" -> new PlacementFold("REFERRED", null);
                    case "PlaceOffered" -> new PlacementFold("OFFERED", e.text("provisionId"));
                    case "PupilAdmitted", "TimeSplitChanged" -> new PlacementFold("ADMITTED", fold.provisionId());
                    case "MovedToMainstream" -> new PlacementFold("MOVED_TO_MAINSTREAM", null);
                    case "PlacementEnded" -> new PlacementFold("ENDED", null);
                    case "ReferralWithdrawn" -> new PlacementFold("WITHDRAWN", null);
                    default -> fold;
                };
            }
            folds.put(aggregate, fold);
        });
        return folds;
    }

    /** How many events each aggregate has: its version is this minus one. */
    Map<String, Integer> versions() {
        Map<String, Integer> versions = new LinkedHashMap<>();
        byAggregate.forEach((aggregate, stream) -> versions.put(aggregate, stream.size() - 1));
        return versions;
    }

    /** Commands the client gave up on after losing the answer, yet which had committed before the kill. */
    long abandonedButRecorded(CommandLog log) {
        return log.with(Outcome.LOST).stream().filter(c -> byCorrelation.containsKey(c.correlationId())).count();
    }

    private static String describe(List<Event> events) {
        return events.isEmpty() ? "nothing" : events.stream()
                .map(e -> e.type() + "@" + e.aggregateId() + "#" + e.sequence()).collect(Collectors.joining(", "));
    }

    private static List<String> types(List<Event> events) {
        return events.stream().map(Event::type).toList();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
