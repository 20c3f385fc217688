package io.kafkaexample.retry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CombinerTest {

    @Test
    void itemsAddedByManyThreadsAreEachWorkedOnceInBatchesThatNeverOverlapOrExceedTheMax() throws Exception {
        List<Integer> worked = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Integer> sizes = new ArrayList<>();
        Combiner<Integer> combiner = new Combiner<>(50, batch -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            sizes.add(batch.size());
            worked.addAll(batch);
            Thread.onSpinWait();
            running.decrementAndGet();
        });
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            int first = t * 10_000;
            threads.execute(() -> {
                await(start);
                for (int i = first; i < first + 10_000; i++) {
                    combiner.add(i);
                }
            });
        }
        start.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(0, overlaps.get(), "one batch at a time");
        assertEquals(80_000, worked.size());
        assertEquals(80_000, worked.stream().distinct().count(), "each item once");
        assertTrue(sizes.stream().allMatch(size -> size >= 1 && size <= 50), "batches of 1 to 50");
        assertTrue(sizes.size() < 80_000, "items that came while a batch ran were worked together");
    }

    @Test
    void aLoneItemIsWorkedAtOnceOnTheAddingThread() {
        List<List<String>> batches = new ArrayList<>();
        Combiner<String> combiner = new Combiner<>(10, batches::add);
        combiner.add("a");
        assertEquals(List.of(List.of("a")), batches);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
