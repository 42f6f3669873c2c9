package uk.placements.edge.axon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The axonserver profile's one clear log line: whether this service reaches Axon Server. Axon's connector logs each
 * failed reconnect (every two seconds, the first with a stack trace), which says what happened but not what it means;
 * this says it once, and again when it changes. It reads Axon's own health indicator ({@code axonServer}), so the log
 * and {@code /actuator/health} never disagree. A service without Axon Server still starts (the read API answers from
 * PostgreSQL, commands fail fast), so a container is reported unhealthy rather than restarted in a loop.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
public class AxonServerReachability {

    private static final Logger log = LoggerFactory.getLogger(AxonServerReachability.class);
    static final String INDICATOR = "axonServer";

    private final HealthContributorRegistry health;
    private final String servers;
    private final long intervalSeconds;
    private volatile Status last;
    private ScheduledExecutorService checker;

    public AxonServerReachability(HealthContributorRegistry health,
                                  @Value("${axon.axonserver.servers:localhost}") String servers,
                                  @Value("${placements.axonserver.check-interval-seconds:10}") long intervalSeconds) {
        this.health = health;
        this.servers = servers;
        this.intervalSeconds = intervalSeconds;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        check();
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "axonserver-reachability");
            thread.setDaemon(true);
            return thread;
        });
        checker.scheduleWithFixedDelay(this::check, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }

    /** UP when Axon's indicator says so; anything else (DOWN, WARN, no indicator) counts as unreachable. */
    Status check() {
        Status now = health.getContributor(INDICATOR) instanceof HealthIndicator indicator
                ? indicator.health().getStatus() : Status.UNKNOWN;
        Status before = last;
        last = now;
        boolean reachable = Status.UP.equals(now);
        if (before == null || reachable != Status.UP.equals(before)) {
            if (reachable) {
                log.info("Axon Server at {} is reachable: commands, queries and events flow", servers);
            } else {
                log.warn("Axon Server at {} is unreachable (health {}): this service is up but cannot handle commands,"
                        + " queries or new events until it connects; /actuator/health reports DOWN meanwhile and Axon"
                        + " keeps retrying", servers, now);
            }
        }
        return now;
    }
}
