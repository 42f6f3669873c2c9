package uk.placements.query.operations;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rebuild's events read ahead on a thread of their own: in order, whole, and stopping on either side's failure. */
class ReadAheadTest {

    @Test
    void everyItemIsPreparedOnTheReadersThreadAndHandledInOrderInBatchesOnTheCallers() {
        Set<String> preparedOn = ConcurrentHashMap.newKeySet();
        List<String> handledOn = new ArrayList<>();
        List<List<Integer>> batches = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();

        ReadAhead.<Integer>run("test", () -> IntStream.range(0, 2_503).boxed().onClose(() -> closed.set(true)), 100,
                2, 0, item -> preparedOn.add(Thread.currentThread().getName()), batch -> {
                    handledOn.add(Thread.currentThread().getName());
                    batches.add(List.copyOf(batch));
                });

        assertThat(batches).hasSize(26);
        assertThat(batches.subList(0, 25)).allMatch(batch -> batch.size() == 100);
        assertThat(batches.stream().flatMap(List::stream).toList())
                .containsExactlyElementsOf(IntStream.range(0, 2_503).boxed().toList());
        assertThat(handledOn).containsOnly(Thread.currentThread().getName());
        assertThat(preparedOn).containsExactly("read-ahead-test");
        assertThat(closed).isTrue();
    }

    /**
     * Preparers: every item is prepared on a preparer's thread before its batch is handled, and the batches are
     * handled in the order read, though the preparers finish them out of order (the first of each pair is slow).
     */
    @Test
    void withPreparersEveryBatchIsPreparedOffTheReadersThreadAndStillHandledInOrder() {
        Set<String> preparedOn = ConcurrentHashMap.newKeySet();
        Set<Integer> prepared = ConcurrentHashMap.newKeySet();
        List<Integer> handled = new ArrayList<>();
        List<Integer> unpreparedWhenHandled = new ArrayList<>();

        ReadAhead.<Integer>run("test", () -> IntStream.range(0, 1_005).boxed(), 50, 4, 2, item -> {
            preparedOn.add(Thread.currentThread().getName());
            if (item % 100 == 0) {
                try {
                    Thread.sleep(5); // the first batch of each pair finishes after the second
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            prepared.add(item);
        }, batch -> {
            batch.stream().filter(item -> !prepared.contains(item)).forEach(unpreparedWhenHandled::add);
            handled.addAll(batch);
        });

        assertThat(handled).containsExactlyElementsOf(IntStream.range(0, 1_005).boxed().toList());
        assertThat(unpreparedWhenHandled).isEmpty();
        assertThat(preparedOn).containsOnly("prepare-test");
    }

    @Test
    void aFailureWhilePreparingFailsTheRunAfterTheBatchesBeforeIt() {
        List<Integer> handled = new ArrayList<>();
        IllegalStateException broken = new IllegalStateException("event 37 cannot be deserialised");

        assertThatThrownBy(() -> ReadAhead.<Integer>run("test", () -> IntStream.range(0, 100).boxed(), 10, 4, 2,
                item -> {
                    if (item == 37) {
                        throw broken;
                    }
                }, handled::addAll))
                .hasMessageContaining("reading for test failed").hasCause(broken);
        assertThat(handled).containsExactlyElementsOf(IntStream.range(0, 30).boxed().toList());
    }

    /** A reader slower than its handler: the run says how long the handler's thread waited for it. */
    @Test
    void theRunSaysHowLongTheHandlerWaitedForTheReader() {
        long waited = ReadAhead.<Integer>run("test", () -> IntStream.range(0, 20).boxed(), 5, 2, 0, item -> {
            try {
                Thread.sleep(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, batch -> { });

        // 60 ms of reading at least, and a handler with nothing to do: it waited for most of it
        assertThat(waited).isGreaterThanOrEqualTo(30_000_000L);
    }

    @Test
    void aFailureWhileReadingFailsTheRunAfterTheBatchesReadBeforeIt() {
        List<Integer> handled = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        IllegalStateException broken = new IllegalStateException("event 25 cannot be read");

        assertThatThrownBy(() -> ReadAhead.<Integer>run("test",
                () -> failingAt(25, broken).onClose(() -> closed.set(true)), 10, 4, 2, item -> { }, handled::addAll))
                .hasMessageContaining("reading for test failed").hasCause(broken);
        assertThat(handled).containsExactlyElementsOf(IntStream.range(0, 20).boxed().toList());
        assertThat(closed).isTrue();
    }

    @Test
    void aFailureOfTheHandlerStopsTheReaderAndClosesTheStream() {
        AtomicInteger read = new AtomicInteger();
        AtomicBoolean closed = new AtomicBoolean();
        IllegalStateException refused = new IllegalStateException("the second batch is refused");
        AtomicInteger batches = new AtomicInteger();
        Stream<Integer> endless = Stream.iterate(0, i -> i + 1).peek(i -> read.incrementAndGet());

        assertThatThrownBy(() -> ReadAhead.<Integer>run("test", () -> endless.onClose(() -> closed.set(true)), 10, 2, 2,
                item -> { }, batch -> {
                    if (batches.incrementAndGet() == 2) {
                        throw refused;
                    }
                })).isSameAs(refused);
        assertThat(closed).as("the reader closed the stream before the run returned").isTrue();
        assertThat(read.get()).as("at most the batches that fit ahead, and the one in hand").isLessThanOrEqualTo(60);
    }

    @Test
    void anEmptyStreamHandsNothing() {
        List<List<Integer>> batches = new ArrayList<>();
        ReadAhead.<Integer>run("test", Stream::empty, 10, 2, 2, item -> { }, batches::add);
        assertThat(batches).isEmpty();
    }

    private static Stream<Integer> failingAt(int at, RuntimeException failure) {
        Iterator<Integer> items = new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (next == at) {
                    throw failure;
                }
                return next++;
            }
        };
        return StreamSupport.stream(((Iterable<Integer>) () -> items).spliterator(), false);
    }
}
