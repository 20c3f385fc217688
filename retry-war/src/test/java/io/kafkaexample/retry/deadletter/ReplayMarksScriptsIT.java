package io.kafkaexample.retry.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.retry.engine.ReplayMarks;
import io.kafkaexample.retry.store.RedisKeys;
import io.kafkaexample.testsupport.OnEveryTestRedis;
import io.kafkaexample.testsupport.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * replay-claim.lua and replay-done.lua on a real Redis (the single one and the cluster), with marks of the
 * test's own (deleted after each test).
 */
@OnEveryTestRedis
class ReplayMarksScriptsIT {

    @Parameter
    TestRedis target;

    private final String letter = "it-" + UUID.randomUUID() + "@1";
    private final DeadLetterMarks marks = new DeadLetterMarks();

    @BeforeEach
    void connect() {
        marks.redis = target.client();
    }

    @AfterEach
    void cleanUp() {
        marks.redis.hdel(RedisKeys.LIVE.dlqReplayed(), letter);
    }

    @Test
    void aMarkIsClaimedOnceBusyWhileItsLeaseHoldsThenTakenOverWithItsFirstStart() throws InterruptedException {
        long before = System.currentTimeMillis();
        assertInstanceOf(ReplayMarks.Claimed.class, marks.claim(letter, Duration.ofMillis(300), "dead"));
        ReplayMarks.Busy busy = assertInstanceOf(ReplayMarks.Busy.class, marks.claim(letter, Duration.ofSeconds(30), "other"));
        assertTrue(busy.leaseLeft().toMillis() > 0 && busy.leaseLeft().toMillis() <= 300, busy.toString());
        assertNull(marks.replayedAt(List.of(letter)).get(0), "under way is not replayed");

        Thread.sleep(350);
        ReplayMarks.TakenOver taken = assertInstanceOf(ReplayMarks.TakenOver.class, marks.claim(letter, Duration.ofSeconds(30), "other"));
        // Redis's clock and this one agree within a second on one machine
        assertTrue(Math.abs(taken.since().toEpochMilli() - before) < 1000, taken + " vs " + before);
        Thread.sleep(350);
        assertInstanceOf(ReplayMarks.Busy.class, marks.claim(letter, Duration.ofSeconds(30), "third"), "the new lease holds");
    }

    @Test
    void onlyTheHolderRecordsTheReplayAndThenItIsDone() throws InterruptedException {
        marks.claim(letter, Duration.ofMillis(100), "late");
        Thread.sleep(150);
        marks.claim(letter, Duration.ofSeconds(30), "other");
        assertFalse(marks.replayed(letter, "late", Instant.EPOCH), "a replay that outlived its lease");

        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        assertTrue(marks.replayed(letter, "other", at));
        assertEquals(new ReplayMarks.Replayed(at.toString()), marks.claim(letter, Duration.ofSeconds(30), "again"));
        assertEquals(at, marks.replayedAt(List.of(letter)).get(0));
        assertFalse(marks.replayed(letter, "other", Instant.EPOCH), "recorded once");
    }
}
