package io.kafkaexample.retry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.retry.engine.Claim;
import io.kafkaexample.retry.engine.Failure;
import io.kafkaexample.retry.engine.Registration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** register.lua, schedule.lua, dead-lettered.lua and forget.lua, and the reload of every script after SCRIPT FLUSH. */
class IntakeScriptsIT extends ScriptsFixture {

    @Test
    void aSideRecordSeenAgainIsNotCountedTwice() {
        long before = redisNow();
        Failure first = failure("m1", "side-0@1", 1);
        Registration registered = store.register(first, TTL);
        Registration again = store.register(first, TTL);

        assertEquals(List.of(false, 1, "received"), outcome(registered));
        assertEquals(List.of(true, 1, "received"), outcome(again));
        long countedAt = registered.countedAt().orElseThrow().toEpochMilli();
        assertTrue(countedAt >= before && countedAt <= redisNow(), "Redis's time of the count");
        assertEquals(registered.countedAt(), again.countedAt(), "a duplicate says when the count it repeats was made");
        assertEquals("1", redis.hget(keys.message("m1"), "attempts"));
        assertTtl(keys.message("m1"), TTL);
    }

    @Test
    void aRecordReportedAgainFromAnotherSideRecordIsNotCountedTwiceButAnotherRecordWithTheSameBytesIs() {
        Optional<String> failedOn = Optional.of("issued-token-0@5");
        assertEquals(List.of(false, 1, "received"), outcome(store.register(failure("m13", "side-0@1", 1, failedOn), TTL)));
        assertEquals(List.of(true, 1, "received"), outcome(store.register(failure("m13", "side-0@2", 1, failedOn), TTL)),
                "a consumer killed before committing applied the record again and reported it again");
        assertEquals(List.of(false, 2, "received"), outcome(store.register(failure("m13", "side-0@3", 1, Optional.of("issued-token-0@6")), TTL)),
                "another record with the same bytes is another failure of the same message");
        assertEquals(List.of(true, 2, "received"), outcome(store.register(failure("m13", "side-0@2", 1, failedOn), TTL)),
                "the second report, read again");
    }

    @Test
    void attemptsAreOneMoreThanStoredOrTheHeaderWhicheverIsMore() {
        long before = redisNow();
        assertEquals(1, store.register(failure("m2", "side-0@1", 1), TTL).attempts());
        assertEquals(2, store.register(failure("m2", "side-0@2", 1), TTL).attempts());
        // Redis lost count (or never had it): the header never counts low
        assertEquals(5, store.register(failure("m2", "side-0@3", 5), TTL).attempts());
        assertEquals(List.of(true, 5, "received"), outcome(store.register(failure("m2", "side-0@4", 2), TTL)),
                "the failure of redelivery 1, counted already: a second copy of it failed");
        assertEquals(6, store.register(failure("m2", "side-0@5", 6), TTL).attempts());
        long firstFailureAt = Long.parseLong(redis.hget(keys.message("m2"), "firstFailureAt"));
        assertTrue(firstFailureAt >= before && firstFailureAt <= redisNow(), "Redis's time of the first failure");
    }

    @Test
    void aNewFailureTakesTheMessageOffTheScheduleUntilItsRetryIsScheduled() {
        registerAndSchedule("m3", "side-0@1", 1, Duration.ofSeconds(60));
        store.register(failure("m3", "side-0@2", 1), TTL);

        assertNull(redis.zscore(keys.due(), "m3"));
        assertEquals("received", redis.hget(keys.message("m3"), "state"));
    }

    @Test
    void scheduleKeepsTheRecordAndPutsItOnTheScheduleByRedissClock() {
        long before = redisNow();
        registerAndSchedule("m4", "side-0@1", 1, Duration.ofSeconds(60));
        long after = redisNow();

        assertEquals("scheduled", redis.hget(keys.message("m4"), "state"));
        double due = redis.zscore(keys.due(), "m4");
        assertTrue(due >= before + 60_000 && due <= after + 60_000, "due 60 s after Redis's now, was " + (due - before) + " ms");
        assertEquals("v-m4", new String(StoredRecord.parse(redis.hget(keys.message("m4"), "record")).value(), StandardCharsets.UTF_8));
        assertEquals("1", redis.hget(keys.stats(), "scheduled"));
        assertTtl(keys.message("m4"), TTL);
        assertEquals(List.of("m4"), backlog.pending(10).stream().map(Pending::id).toList());
    }

    @Test
    void deadLetteredRemovesTheRecordAndTheScheduleEntryAndKeepsTheState() {
        registerAndSchedule("m8", "side-0@1", 1, Duration.ofSeconds(60));
        Duration shorter = Duration.ofMinutes(2);

        store.deadLettered("m8", "gave up", shorter);

        assertNull(redis.zscore(keys.due(), "m8"));
        assertNull(redis.hget(keys.message("m8"), "record"));
        assertEquals("dead-lettered", redis.hget(keys.message("m8"), "state"));
        assertEquals("gave up", redis.hget(keys.message("m8"), "dlqReason"));
        assertEquals("1", redis.hget(keys.stats(), "deadLettered"));
        assertTtl(keys.message("m8"), shorter);
        // a duplicate of the side record stays dead
        assertEquals(List.of(true, 1, "dead-lettered"), outcome(store.register(failure("m8", "side-0@1", 1), TTL)));
    }

    @Test
    void everyScriptIsLoadedAgainWhenRedisForgotIt() {
        String sha = RedisScript.load(RetryStore.class, "schedule").sha();
        redis.scriptFlush();
        assertEquals(false, redis.scriptExists(sha, keys.due()));

        store.register(failure("m9", "side-0@1", 1), TTL);
        redis.scriptFlush();
        store.schedule("m9", Duration.ZERO, record("m9"), TTL);
        assertEquals(true, redis.scriptExists(sha, keys.due()), "loaded on the node of the keys' slot");
        redis.scriptFlush();
        assertEquals(List.of("m9"), store.dueWithin(Duration.ZERO, 10).stream().map(d -> d.id()).toList());
        redis.scriptFlush();
        assertInstanceOf(Claim.Claimed.class, store.claim(List.of("m9"), LEASE, "me").get(0));
        redis.scriptFlush();
        assertEquals(1, store.sendFailed("m9", 1, "me").getAsInt());
        redis.scriptFlush();
        assertTrue(store.release("m9", 1, "me", Duration.ZERO, TTL));
        store.claim(List.of("m9"), LEASE, "me");
        redis.scriptFlush();
        store.redelivered("m9", 1, "me");
        redis.scriptFlush();
        store.deadLettered("m9", "gave up", TTL);
        redis.scriptFlush();
        assertTrue(store.forget("m9"));
    }

    @Test
    void anOlderSideRecordReadAgainAfterNewerOnesIsNotCountedAgain() {
        assertEquals(1, store.register(failure("m10", "side-0@1", 1), TTL).attempts());
        assertEquals(2, store.register(failure("m10", "side-0@2", 2), TTL).attempts());
        // offsets lost: the partition is read again from side-0@1
        Registration reread = store.register(failure("m10", "side-0@1", 1), TTL);
        assertTrue(reread.duplicate(), "side-0@1 was counted already");
        assertEquals(2, reread.attempts());
        assertEquals(2, store.register(failure("m10", "side-0@2", 2), TTL).attempts());
        assertEquals(3, store.register(failure("m10", "side-0@3", 3), TTL).attempts());
    }

    @Test
    void forgetWipesADeadLetteredMessageButNeverAnActiveRetry() {
        registerAndSchedule("m11", "side-0@1", 1, Duration.ofSeconds(60));
        assertFalse(store.forget("m11"), "scheduled: a replay must not wipe it");
        assertEquals("scheduled", redis.hget(keys.message("m11"), "state"));
        assertTrue(redis.zscore(keys.due(), "m11") != null);

        store.deadLettered("m11", "gave up", TTL);
        assertTrue(store.forget("m11"));
        assertFalse(redis.exists(keys.message("m11")));
        assertNull(redis.zscore(keys.due(), "m11"));
        assertTrue(store.forget("m-never-seen"), "nothing to keep: forgotten");
    }

    @Test
    void aFailureWithoutKeyOrReplyToIsStoredAsEmpty() {
        store.register(new Failure("m12", "issued-token", null, "g", Optional.empty(), 1, true, "E", "side-0@1", Optional.empty(), "r"), TTL);
        assertEquals("", redis.hget(keys.message("m12"), "key"));
        assertEquals("", redis.hget(keys.message("m12"), "replyTo"));
    }

    /** What a registration says but its time. */
    private static List<Object> outcome(Registration registration) {
        return List.of(registration.duplicate(), registration.attempts(), registration.state());
    }
}
