package uk.placements.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import uk.placements.app.crash.CommandLog.Kind;
import uk.placements.app.crash.CommandLog.Outcome;
import uk.placements.command.http.Api;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caseworkers taking placements through their lifecycle (refer, offer, decline or withdraw an offer, admit, change
 * the time split, end or move to mainstream, withdraw a referral) and a provision admin changing places and
 * staffing, all at once, over HTTP. Every command carries a fresh correlation id that is also its Idempotency-Key,
 * and placement commands carry If-Match with the version last acknowledged. A command whose answer is lost with
 * the connection is either retried with the same key once the app is back (the client's side of exactly-once) or
 * abandoned together with its placement (what a client that gives up leaves behind).
 */
final class MixedLoad {

    private final ChildApp app;
    private final CommandLog log;
    private final List<String> provisions;
    private final long seed;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final LocalDate today = LocalDate.now();

    MixedLoad(ChildApp app, CommandLog log, List<String> provisions, long seed) {
        this.app = app;
        this.log = log;
        this.provisions = provisions;
        this.seed = seed;
    }

    void start(int caseworkers) {
        for (int i = 0; i < caseworkers; i++) {
            Random random = new Random(seed + i);
            threads.add(new Thread(() -> {
                while (running.get()) {
                    new Lifecycle(random).run();
                }
            }, "caseworker-" + i));
        }
        Random random = new Random(seed - 1);
        threads.add(new Thread(() -> new Admin(random).run(), "provision-admin"));
        threads.forEach(Thread::start);
    }

    /** Stops starting new commands and waits for the ones in flight (with their retries) to finish. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " did not finish");
            }
        }
    }

    /** An answer, or null when the answer was lost and the command abandoned. */
    private record Answer(int status, String id, long version, String rule) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** Sends one command, retrying a lost answer with the same key when {@code random} says so, and logs it. */
    private Answer send(Random random, String user, Kind kind, String aggregateId, String provisionId, String method,
                        String path, String body, Long ifMatch) {
        String correlationId = UUID.randomUUID().toString();
        List<String> headers = new ArrayList<>(List.of("X-Correlation-Id", correlationId,
                "Idempotency-Key", correlationId));
        if (ifMatch != null) {
            headers.addAll(List.of("If-Match", "\"" + ifMatch + "\""));
        }
        int lost = 0;
        while (true) {
            try {
                app.awaitServing();
                Api.Answer a = app.api().send(user, method, path, "application/json",
                        body.getBytes(StandardCharsets.UTF_8), headers.toArray(String[]::new));
                if (a.status() / 100 == 2) {
                    JsonNode json = a.json();
                    String id = json.get("id").asText();
                    long version = json.get("version").asLong();
                    log.record(new CommandLog.Sent(correlationId, kind, id, provisionId, Outcome.ACKNOWLEDGED,
                            a.status(), version, lost, body));
                    return new Answer(a.status(), id, version, null);
                }
                Outcome outcome = a.status() >= 500 ? Outcome.SERVER_ERROR : Outcome.REFUSED;
                log.record(new CommandLog.Sent(correlationId, kind, aggregateId, provisionId, outcome, a.status(),
                        -1, lost, a.body()));
                return new Answer(a.status(), aggregateId, -1, a.header("Content-Type") != null
                        && a.header("Content-Type").contains("json") ? a.rule() : null);
            } catch (UncheckedIOException connectionDied) {
                lost++;
                if (lost >= 3 || random.nextBoolean()) {
                    log.record(new CommandLog.Sent(correlationId, kind, aggregateId, provisionId, Outcome.LOST, 0,
                            -1, lost, body));
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One placement from referral to wherever the dice leave it. */
    private final class Lifecycle {
        private final Random random;
        private String id;
        private long version;

        Lifecycle(Random random) {
            this.random = random;
        }

        void run() {
            Answer referred = send(random, "caseworker", Kind.REFER, null, null, "POST", "/api/placements",
                    Api.referralJson(Api.newUpn(), 1 + random.nextInt(5), "ASD", "EHCP",
                            today.minusDays(90).toString()), null);
            if (!accept(referred)) {
                return;
            }
            String provision = provisions.get(random.nextInt(provisions.size()));
            Answer offered = placement(Kind.OFFER, provision, "offer",
                    "{\"provisionId\":\"" + provision + "\",\"offeredOn\":\"" + today.minusDays(80) + "\"}");
            if (offered != null && "R-CAPACITY".equals(offered.rule()) && random.nextInt(3) > 0) {
                offered = placement(Kind.OFFER, provision, "offer",
                        "{\"provisionId\":\"" + provision + "\",\"offeredOn\":\"" + today.minusDays(80)
                                + "\",\"overCapacityDecision\":{\"reason\":\"panel agreed\",\"decidedBy\":\"Head of SEN\"}}");
            }
            if (offered != null && !offered.ok()) {
                placement(Kind.WITHDRAW_REFERRAL, null, "withdraw", reason("on", 79, "no place"));
            }
            if (!accept(offered)) {
                return;
            }
            int roll = random.nextInt(100);
            if (roll < 12) {
                accept(placement(Kind.DECLINE, provision, "offer/decline", reason("on", 75, "family declined")));
                return;
            }
            if (roll < 22) {
                accept(placement(Kind.WITHDRAW_OFFER, provision, "offer/withdraw", reason("on", 75, "made in error")));
                return;
            }
            if (!accept(placement(Kind.ADMIT, provision, "admission",
                    "{\"admittedOn\":\"" + today.minusDays(70) + "\",\"mainstreamPercent\":50}"))) {
                return;
            }
            int percent = 50;
            for (int i = random.nextInt(3); i > 0; i--) {
                percent += 10;
                if (!accept(placement(Kind.SPLIT, provision, "time-split", "{\"mainstreamPercent\":" + percent
                        + ",\"effectiveFrom\":\"" + today.minusDays(60 - i) + "\",\"reason\":\"doing well\"}"))) {
                    return;
                }
            }
            roll = random.nextInt(100);
            if (roll < 35) {
                accept(placement(Kind.END, provision, "end",
                        "{\"effectiveFrom\":\"" + today.minusDays(30) + "\",\"reason\":\"LEFT_AREA\"}"));
            } else if (roll < 50) {
                accept(placement(Kind.MOVE_TO_MAINSTREAM, provision, "move-to-mainstream",
                        "{\"effectiveFrom\":\"" + today.minusDays(30) + "\",\"note\":\"thriving\"}"));
            }
        }

        private Answer placement(Kind kind, String provision, String action, String body) {
            return send(random, "caseworker", kind, id, provision, "POST", "/api/placements/" + id + "/" + action,
                    body, version);
        }

        private String reason(String dateField, int daysAgo, String reason) {
            return "{\"" + dateField + "\":\"" + today.minusDays(daysAgo) + "\",\"reason\":\"" + reason + "\"}";
        }

        /** True to go on with this placement: the command was acknowledged. */
        private boolean accept(Answer answer) {
            if (answer == null || !answer.ok() || !running.get()) {
                return false;
            }
            id = answer.id();
            version = answer.version();
            return true;
        }
    }

    /** Changes places (always to a new number) and records staffing; no If-Match: offers move provisions on. */
    private final class Admin {
        private final Random random;
        private final Map<String, Integer> places = new ConcurrentHashMap<>();

        Admin(Random random) {
            this.random = random;
            provisions.forEach(p -> places.put(p, CrashSafetyIT.PLACES));
        }

        void run() {
            while (running.get()) {
                String provision = provisions.get(random.nextInt(provisions.size()));
                Integer current = places.get(provision);
                if (current != null && random.nextBoolean()) {
                    int next = current + (current <= CrashSafetyIT.PLACES ? 2 : -2);
                    Answer changed = send(random, "provision-admin", Kind.CHANGE_PLACES, provision, provision, "PUT",
                            "/api/provisions/" + provision + "/places", "{\"commissionedPlaces\":" + next
                                    + ",\"effectiveFrom\":\"" + today.minusDays(20) + "\",\"reason\":\"demand\"}",
                            null);
                    if (changed == null) {
                        places.remove(provision); // unknown now: never risk a change that changes nothing
                    } else if (changed.ok()) {
                        places.put(provision, next);
                    }
                } else {
                    send(random, "provision-admin", Kind.STAFFING, provision, provision, "POST",
                            "/api/provisions/" + provision + "/staffing", "{\"adults\":" + (2 + random.nextInt(4))
                                    + ",\"qualifiedTeachers\":1,\"therapyHoursPerWeek\":6.5,\"effectiveFrom\":\""
                                    + today.minusDays(20) + "\"}", null);
                }
                try {
                    Thread.sleep(100 + random.nextInt(200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
