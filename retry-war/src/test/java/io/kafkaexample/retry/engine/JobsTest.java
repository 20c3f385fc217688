package io.kafkaexample.retry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JobsTest {

    private final ManualTime time = new ManualTime();
    private final List<List<String>> fell = new ArrayList<>();
    private final Jobs jobs = new Jobs(time.new InstanceClock(), batch -> fell.add(batch.stream().map(Jobs.Fell::id).toList()));

    @Test
    void thousandsOfJobsHoldOneTimerAndThoseDueTogetherFallTogetherInDueOrder() {
        IntStream.range(0, 3000).forEach(i -> jobs.at("r" + i, Duration.ofMillis(1000 + i % 3 * 1000 - i / 3 % 2), null));
        assertEquals(1, time.pendingTasks(), "one timer, for the earliest");

        time.advance(Duration.ofMillis(999));
        assertEquals(1, fell.size());
        assertEquals(500, fell.get(0).size(), "every job due at 999 ms, at once");
        time.advance(Duration.ofMillis(1));
        assertEquals(2, fell.size());
        assertEquals(500, fell.get(1).size());
        time.advance(Duration.ofSeconds(2));
        assertEquals(6, fell.size(), "999, 1000, 1999, 2000, 2999, 3000 ms");
        assertEquals(3000, fell.stream().mapToInt(List::size).sum());
        assertEquals(0, jobs.size());
        assertEquals(0, time.pendingTasks());
    }

    @Test
    void aJobSetAgainFallsOnlyAtItsNewTimeAndACancelledOneNever() {
        jobs.at("a", Duration.ofSeconds(5), null);
        jobs.at("b", Duration.ofSeconds(1), null);
        jobs.at("a", Duration.ofSeconds(2), null);
        jobs.cancel("b");
        assertFalse(jobs.has("b"));

        time.advance(Duration.ofSeconds(10));
        assertEquals(List.of(List.of("a")), fell);
    }

    @Test
    void anEarlierJobSetsTheTimerEarlierAndAPastOneFallsAtOnce() {
        jobs.at("later", Duration.ofSeconds(30), null);
        jobs.at("sooner", Duration.ofSeconds(1), null);
        jobs.at("overdue", Duration.ofSeconds(-3), null);

        time.advance(Duration.ZERO);
        assertEquals(List.of(List.of("overdue")), fell);
        time.advance(Duration.ofSeconds(1));
        assertEquals(List.of("sooner"), fell.get(1));
        assertTrue(jobs.has("later"));
    }

    @Test
    void pastTheLimitANewRetryGetsNoJobButAKnownOneMoves() {
        IntStream.range(0, Jobs.LIMIT).forEach(i -> jobs.at("r" + i, Duration.ofMinutes(1), null));
        jobs.at("one-too-many", Duration.ofSeconds(1), null);
        jobs.at("r7", Duration.ofSeconds(1), null);

        assertFalse(jobs.has("one-too-many"));
        time.advance(Duration.ofSeconds(1));
        assertEquals(List.of(List.of("r7")), fell);
    }

    @Test
    void cancelAllLeavesNoTimer() {
        jobs.at("a", Duration.ofSeconds(1), null);
        jobs.cancelAll();

        time.advance(Duration.ofSeconds(5));
        assertTrue(fell.isEmpty());
        assertEquals(0, jobs.size());
    }
}
