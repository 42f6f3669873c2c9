package uk.placements.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** What the JVM allocated, told apart by the thread that allocated it: the product's request threads or the rest. */
class AllocationsTest {

    private static volatile Object sink;

    @Test
    void bytesAllocatedOnARequestThreadAreCountedApartFromTheRest() throws InterruptedException {
        Allocations allocations = Allocations.start();
        CountDownLatch allocated = new CountDownLatch(2);
        CountDownLatch measured = new CountDownLatch(1);
        Thread request = new Thread(() -> allocate(40, allocated, measured),
                Allocations.REQUEST_THREADS + "8080-exec-1");
        Thread other = new Thread(() -> allocate(8, allocated, measured), "HttpClient-1-Worker-0");
        request.start();
        other.start();
        allocated.await();
        // both threads are still alive: the allocations of a thread that has ended are not counted
        Allocations.Since since = allocations.since();
        measured.countDown();
        request.join();
        other.join();

        assertThat(since.requestThreadBytes()).as("the request thread's 40 MiB")
                .isBetween(40L << 20, 44L << 20);
        assertThat(since.otherBytes()).as("the other thread's 8 MiB, and whatever this test's thread allocated")
                .isGreaterThanOrEqualTo(8L << 20).isLessThan(40L << 20);
        assertThat(since.topOther()).as("the other threads' group that allocated most").isEqualTo("HttpClient-N-Worker-N");
        assertThat(since.perSample(1024)).startsWith("40 kB by the product's request threads")
                .contains("(most: HttpClient-N-Worker-N, 8 kB)");
    }

    @Test
    void aPoolsThreadsAreOneGroupAndADigitWithinAWordStays() {
        assertThat(Allocations.group("HttpClient-12-Worker-3")).isEqualTo("HttpClient-N-Worker-N");
        assertThat(Allocations.group("pool-3-thread-1")).isEqualTo("pool-N-thread-N");
        assertThat(Allocations.group("h2-housekeeping")).isEqualTo("h2-housekeeping");
        assertThat(Allocations.group("EventProcessor[caseload]-0")).isEqualTo("EventProcessor[caseload]-N");
    }

    /** Allocates {@code mib} MiB in 1 MiB arrays, says so, and stays alive until measured. */
    private static void allocate(int mib, CountDownLatch allocated, CountDownLatch measured) {
        for (int i = 0; i < mib; i++) {
            sink = new byte[1 << 20];
        }
        allocated.countDown();
        try {
            measured.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
