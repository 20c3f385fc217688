package io.kafkaexample.common.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatcherTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final BlockingQueue<List<Integer>> flushed = new LinkedBlockingQueue<>();
    private final AtomicLong now = new AtomicLong();

    @AfterEach
    void stop() {
        timers.shutdownNow();
        executor.shutdownNow();
    }

    private Batcher<Integer> batcher(int size, Duration wait, Consumer<List<Integer>> flush) {
        return new Batcher<>("test", new BatchSettings(size, wait, Duration.ofSeconds(30)), timers, executor, flush, now::get);
    }

    @Test
    void aFullBatchIsFlushedAtOnceAndTheRestAfterTheWait() throws Exception {
        Batcher<Integer> batcher = batcher(3, Duration.ofMillis(200), flushed::add);
        IntStream.range(0, 4).forEach(batcher::add);

        assertEquals(List.of(0, 1, 2), flushed.poll(100, TimeUnit.MILLISECONDS), "full: without waiting");
        assertEquals(null, flushed.poll(50, TimeUnit.MILLISECONDS), "the fourth waits for more");
        assertEquals(List.of(3), flushed.poll(2, TimeUnit.SECONDS), "then goes after the wait");
    }

    @Test
    void batchesAreAppliedOneAfterTheOtherInTheOrderTheirMessagesCame() throws Exception {
        List<Integer> applied = new ArrayList<>();
        CountDownLatch all = new CountDownLatch(1000);
        Batcher<Integer> batcher = batcher(7, Duration.ofMillis(1), batch -> {
            synchronized (applied) {
                applied.addAll(batch);
            }
            sleep(1); // a slow batch: the next ones queue behind it, on other threads of the pool
            batch.forEach(m -> all.countDown());
        });
        IntStream.range(0, 1000).forEach(batcher::add);

        assertTrue(all.await(20, TimeUnit.SECONDS));
        assertEquals(IntStream.range(0, 1000).boxed().toList(), applied);
    }

    @Test
    void whileABatchIsAppliedTheNextGathersPastItsWaitAndGoesWhenTheFirstIsDone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Batcher<Integer> batcher = batcher(100, Duration.ofMillis(1), batch -> {
            flushed.add(batch);
            if (batch.get(0) == 0) {
                await(release);
            }
        });
        batcher.add(0);
        assertEquals(List.of(0), flushed.poll(2, TimeUnit.SECONDS), "alone, after its wait");
        for (int i = 1; i < 10; i++) {
            batcher.add(i);
            sleep(10); // ten times the wait
        }
        assertEquals(null, flushed.poll(), "the next gathers while the first is applied");

        release.countDown();
        assertEquals(IntStream.range(1, 10).boxed().toList(), flushed.poll(2, TimeUnit.SECONDS), "one batch, once the first is done");
    }

    @Test
    void theOldestMessageNotDoneIsTheFirstOfTheOldestBatchStillBeingApplied() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Batcher<Integer> batcher = batcher(2, Duration.ofHours(1), batch -> await(release));
        assertFalse(batcher.oldestAgeNanos().isPresent());

        now.set(1_000);
        batcher.add(1);
        batcher.add(2); // full: being applied, held
        now.set(5_000);
        batcher.add(3); // waiting
        now.set(9_000);
        assertEquals(8_000, batcher.oldestAgeNanos().getAsLong(), "the held batch's first message");

        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (batcher.oldestAgeNanos().getAsLong() != 4_000 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(4_000, batcher.oldestAgeNanos().getAsLong(), "once it is done: the waiting one's");
    }

    @Test
    void aBatchThatFailsUnexpectedlyDoesNotStopTheOnesAfterIt() throws Exception {
        Batcher<Integer> batcher = batcher(1, Duration.ZERO, batch -> {
            if (batch.get(0) == 0) {
                throw new IllegalStateException("a bug");
            }
            flushed.add(batch);
        });
        now.set(1_000);
        batcher.add(0);
        now.set(3_000);
        batcher.add(1);

        assertEquals(List.of(1), flushed.poll(2, TimeUnit.SECONDS));
        now.set(10_000);
        assertEquals(9_000, batcher.oldestAgeNanos().getAsLong(), "the failed batch is still not acknowledged: the oldest");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
