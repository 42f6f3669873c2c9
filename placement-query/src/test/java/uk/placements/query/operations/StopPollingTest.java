package uk.placements.query.operations;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the processor control's poll lets a poll under way finish uninterrupted (an interrupted H2 write closes
 * the database file for the whole process) and runs no further poll.
 */
class StopPollingTest {

    @Test
    void aPollUnderWayFinishesUninterruptedAndNoOtherStarts() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger polls = new AtomicInteger();
        executor.scheduleWithFixedDelay(() -> {
            polls.incrementAndGet();
            started.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted.set(true);
                }
                Thread.onSpinWait();
            }
            finished.set(true);
        }, 0, 10, TimeUnit.MILLISECONDS);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        SharedProcessorControl.stopPolling(executor, Duration.ofSeconds(5));

        assertThat(interrupted).as("the running poll was interrupted").isFalse();
        assertThat(finished).as("the running poll finished before stop returned").isTrue();
        assertThat(executor.isTerminated()).isTrue();
        int after = polls.get();
        Thread.sleep(50);
        assertThat(polls.get()).as("no poll after the stop").isEqualTo(after);
    }
}
