package uk.placements.command.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** The command gateway retries a lost race, however the storage failure that revealed it is wrapped; nothing else. */
class LostRaceRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final IntervalRetryScheduler retry = new AxonConfiguration.LostRaceRetryScheduler(
            IntervalRetryScheduler.builder().retryExecutor(executor).retryInterval(1).maxRetryCount(5));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aConcurrencyFailureCausedByADuplicateKeyAsAnotherServiceAppendedFirstIsRetried() {
        RuntimeException lostRace = new ConcurrencyException("appended elsewhere",
                new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(schedules(lostRace)).isTrue();
    }

    @Test
    void aFailureThatIsNoLostRaceIsNotRetried() {
        assertThat(schedules(new IllegalStateException("refused", new SQLException("syntax", "42601")))).isFalse();
    }

    private boolean schedules(RuntimeException failure) {
        return retry.scheduleRetry(GenericCommandMessage.asCommandMessage("offer"), failure,
                List.of(), () -> { });
    }
}
