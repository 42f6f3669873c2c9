package uk.placements.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import uk.placements.command.placement.domain.RuleViolation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The realistic lifecycle mix (the generator's most recent casework: referrals, offers, declines, admissions,
 * time-split changes, moves to mainstream, ends, and the provision admin's changes) sent by concurrent clients for
 * a fixed time, either over HTTP to the running product or through its command gateway in process. Each client
 * owns a share of the placements and sends their commands in order, as caseworkers would. A rule refusal (the
 * interleaving of clients can differ from the generator's day-by-day order, e.g. an offer before the release it
 * counted on) is an answered command and counted as refused; anything else is an error.
 */
final class CommandLoad {

    /**
     * What one load did after its warm-up; {@code lag} holds projection lag samples (HTTP load only). Errors count
     * warm-up too: an error is never acceptable.
     */
    record Result(int sent, int refused, int errors, double seconds, Latencies latencies, Latencies lag,
                  String firstError) {
        double perSecond() {
            return sent / seconds;
        }
    }

    /** Sees every command's latency as it completes (the soak buckets them by minute). */
    interface Observer {
        void completed(long atNanos, long latencyNanos);
    }

    private final int clients;
    private final Duration time;
    private final Observer observer;

    CommandLoad(int clients, Duration time) {
        this(clients, time, (at, latency) -> { });
    }

    CommandLoad(int clients, Duration time, Observer observer) {
        this.clients = clients;
        this.time = time;
        this.observer = observer;
    }

    Result inProcess(CommandGateway gateway, List<Object> commands) {
        return run(commands, client -> command -> {
            try {
                BulkLoad.send(gateway, command, "bench-gateway");
                return Outcome.DONE;
            } catch (RuleViolation refused) {
                return Outcome.REFUSED;
            }
        }, null);
    }

    Result overHttp(int port, List<Object> commands) {
        Map<String, String> serverIds = new ConcurrentHashMap<>();
        LagProbe probe = new LagProbe(new HttpClientPool(port));
        try {
            return run(commands, client -> {
                HttpClientPool http = new HttpClientPool(port);
                warmUp(http);
                return command -> {
                    HttpCommands request = HttpCommands.of(command, id -> serverIds.getOrDefault(id, id));
                    HttpClientPool.Answer answer = http.send(request);
                    if (answer.status() == 409 || answer.status() == 422 || answer.status() == 404) {
                        return Outcome.REFUSED;
                    }
                    if (answer.status() >= 300) {
                        throw new IllegalStateException(answer.status() + " from " + request.method() + " "
                                + request.path().replaceAll("[0-9a-f-]{36}", "{id}"));
                    }
                    var written = answer.json();
                    String id = written.get("id").asText();
                    if (request.creates()) {
                        serverIds.put(Plans.target(command), id);
                    }
                    if (request.user().equals("caseworker")) {
                        probe.offer(id, written.get("version").asLong(), System.nanoTime());
                    }
                    return Outcome.DONE;
                };
            }, probe);
        } finally {
            probe.stop();
        }
    }

    /**
     * Signs each client in before the clock starts (the first Basic sign-in of a user checks the password hash,
     * deliberately slow; later ones hit the product's credential cache), as a browser session would have.
     */
    private static void warmUp(HttpClientPool http) {
        for (String user : new String[]{"caseworker", "provision-admin"}) {
            http.get("/api/me", user);
        }
    }

    enum Outcome { DONE, REFUSED }

    interface Sender {
        Outcome send(Object command) throws Exception;
    }

    interface Clients {
        Sender forClient(int client);
    }

    private Result run(List<Object> commands, Clients clientFactory, LagProbe probe) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Latencies latencies = new Latencies();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        StringBuffer firstError = new StringBuffer();
        List<List<Object>> shares = new ArrayList<>();
        List<Sender> senders = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            shares.add(Plans.forClient(commands, c, clients));
            senders.add(clientFactory.forClient(c));
        }
        // The first third (at most 5 s) warms the JIT and the connection pools up and is not counted.
        long warmUp = Math.min(Duration.ofSeconds(5).toNanos(), time.toNanos() / 3);
        long started = System.nanoTime() + warmUp;
        long deadline = started + time.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Object> mine = shares.get(c);
            Sender sender = senders.get(c);
            running.add(pool.submit(() -> {
                for (Object command : mine) {
                    if (System.nanoTime() > deadline) {
                        break;
                    }
                    long start = System.nanoTime();
                    try {
                        if (sender.send(command) == Outcome.REFUSED && start >= started) {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (firstError.isEmpty()) {
                            firstError.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
                        }
                    }
                    long end = System.nanoTime();
                    if (start >= started) {
                        latencies.record(end - start);
                        observer.completed(end, end - start);
                        lastDone.accumulateAndGet(end, Math::max);
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        pool.shutdown();
        double seconds = (Math.max(lastDone.get(), started + 1) - started) / 1e9;
        return new Result(latencies.count(), refused.get(), errors.get(), seconds, latencies,
                probe == null ? new Latencies() : probe.lag, firstError.toString());
    }

    /**
     * Samples projection lag: after an acknowledged write, polls the placement's read model until it shows the
     * acknowledged version. One sample at a time on its own thread (a write arriving while it polls is not sampled),
     * so probing adds one reader, not load. Resolution: one GET, about a millisecond.
     */
    static final class LagProbe {

        record Ack(String id, long version, long ackNanos) {
        }

        final Latencies lag = new Latencies();
        private final BlockingQueue<Ack> next = new ArrayBlockingQueue<>(1);
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private volatile boolean stopped;

        LagProbe(HttpClientPool http) {
            thread.submit(() -> {
                while (!stopped) {
                    Ack ack = next.poll(100, TimeUnit.MILLISECONDS);
                    if (ack != null) {
                        measure(http, ack);
                    }
                }
                return null;
            });
        }

        void offer(String id, long version, long ackNanos) {
            next.offer(new Ack(id, version, ackNanos));
        }

        private void measure(HttpClientPool http, Ack ack) throws InterruptedException {
            long giveUp = ack.ackNanos + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < giveUp && !stopped) {
                HttpClientPool.Answer answer = http.get("/api/placements/" + ack.id, "caseworker");
                if (answer.status() == 200 && answer.json().get("version").asLong() >= ack.version) {
                    lag.record(System.nanoTime() - ack.ackNanos);
                    return;
                }
                Thread.sleep(1);
            }
        }

        void stop() {
            stopped = true;
            thread.shutdown();
        }
    }
}
