package uk.placements.command.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Callers released at one instant, each sending one request, for tests of races between them. */
public final class Racers {

    private Racers() {
    }

    /** Runs {@code request(i)} for i in 0..racers-1 on as many threads, all started together; answers in order of i. */
    public static List<Api.Answer> race(int racers, Function<Integer, Api.Answer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int racer = i;
                Callable<Api.Answer> call = () -> {
                    start.await();
                    return request.apply(racer);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exactly one racer created its record (201); every other was refused 409 by {@code rule}. The winner's id. */
    public static String oneCreatedTheRestRefused(List<Api.Answer> answers, String rule) {
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 201).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(409);
            assertThat(a.rule()).isEqualTo(rule);
        });
        return answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().json().get("id").asText();
    }
}
