package io.kafkaexample.retry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.retry.message.FailedMessage;
import io.kafkaexample.testsupport.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;

/**
 * The Lua scripts of {@link RetryStore} against a real Redis, through the Java callers, in a namespace of
 * this test's own: a running retry-svc sweeping the same database never sees these entries.
 */
class RetryScriptsIT {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final String namespace = "retry-it:" + UUID.randomUUID() + ":";
    private final RedisKeys keys = new RedisKeys(namespace);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private RedisClient redis;
    private RetryStore store;
    private RetryBacklog backlog;

    @BeforeEach
    void connect() {
        redis = RedisClient.create(TestStack.redisUrl());
        store = new RetryStore();
        store.redis = redis;
        store.keys = keys;
        backlog = new RetryBacklog();
        backlog.redis = redis;
        backlog.keys = keys;
    }

    @AfterEach
    void cleanUp() {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.scan(cursor, new ScanParams().match(namespace + "*").count(500));
            page.getResult().forEach(redis::del);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        redis.close();
    }

    @Test
    void aSideRecordSeenAgainIsNotCountedTwice() {
        FailedMessage first = failure("m1", "side-0@1", 1);
        Registration registered = store.register(first, TTL, now);
        Registration again = store.register(first, TTL, now.plusSeconds(1));

        assertEquals(new Registration(false, 1, "received"), registered);
        assertEquals(new Registration(true, 1, "received"), again);
        assertEquals("1", redis.hget(keys.message("m1"), "attempts"));
        assertTtl(keys.message("m1"), TTL);
    }

    @Test
    void attemptsAreOneMoreThanStoredOrTheHeaderWhicheverIsMore() {
        assertEquals(1, store.register(failure("m2", "side-0@1", 1), TTL, now).attempts());
        assertEquals(2, store.register(failure("m2", "side-0@2", 1), TTL, now).attempts());
        // Redis lost count (or never had it): the header never counts low
        assertEquals(5, store.register(failure("m2", "side-0@3", 5), TTL, now).attempts());
        assertEquals(6, store.register(failure("m2", "side-0@4", 2), TTL, now).attempts());
        assertEquals(Long.toString(now.toEpochMilli()), redis.hget(keys.message("m2"), "firstFailureAt"));
    }

    @Test
    void aNewFailureTakesTheMessageOffTheScheduleUntilItsRetryIsScheduled() {
        registerAndSchedule("m3", "side-0@1", 1, now.plusSeconds(60));
        store.register(failure("m3", "side-0@2", 1), TTL, now);

        assertNull(redis.zscore(keys.due(), "m3"));
        assertEquals("received", redis.hget(keys.message("m3"), "state"));
    }

    @Test
    void scheduleKeepsTheRecordPutsItOnTheScheduleAndCountsIt() {
        registerAndSchedule("m4", "side-0@1", 1, now.plusSeconds(60));

        assertEquals("scheduled", redis.hget(keys.message("m4"), "state"));
        assertEquals((double) now.plusSeconds(60).toEpochMilli(), redis.zscore(keys.due(), "m4"));
        assertEquals("v-m4", StoredRecord.parse(redis.hget(keys.message("m4"), "record")).value());
        assertEquals("1", redis.hget(keys.stats(), "scheduled"));
        assertTtl(keys.message("m4"), TTL);
        assertEquals(List.of("m4"), backlog.pending(10).stream().map(Pending::id).toList());
        assertEquals(Optional.of(now.plusSeconds(60)), backlog.earliestDue());
    }

    @Test
    void aClaimTakesWhatIsDueAndAnswersForEveryOtherIdInOrder() {
        registerAndSchedule("due", "side-0@1", 1, now.minusSeconds(1));
        registerAndSchedule("later", "side-0@2", 1, now.plusSeconds(60));
        registerAndSchedule("done", "side-0@3", 1, now.minusSeconds(1));
        store.deadLettered("done", now, "gave up", TTL);
        registerAndSchedule("flushed", "side-0@4", 1, now.minusSeconds(1));
        redis.del(keys.message("flushed"));

        List<Claim> claims = store.claim(List.of("due", "later", "done", "flushed", "unknown"), now, LEASE, "me");

        Claim.Claimed claimed = assertInstanceOf(Claim.Claimed.class, claims.get(0));
        assertEquals(1, claimed.attempts());
        assertEquals(now.minusSeconds(1), claimed.dueAt());
        assertEquals("consumer-svc-redelivery", claimed.replyTo());
        assertEquals("issued-token", claimed.originTopic());
        assertEquals("v-due", claimed.record().value());
        assertEquals("claimed", redis.hget(keys.message("due"), "state"));
        assertEquals("me", redis.hget(keys.message("due"), "claimedBy"));
        assertEquals((double) now.plus(LEASE).toEpochMilli(), redis.zscore(keys.due(), "due"));
        assertEquals(new Claim.NotDue("later", now.plusSeconds(60)), claims.get(1));
        assertEquals(new Claim.Done("done"), claims.get(2));
        assertEquals(new Claim.Lost("flushed"), claims.get(3));
        assertNull(redis.zscore(keys.due(), "flushed"), "a lost entry leaves the schedule");
        assertEquals(new Claim.Lost("unknown"), claims.get(4));
    }

    @Test
    void aClaimedEntryIsNotDueUntilItsLeaseRunsOutThenAnotherInstanceTakesIt() {
        registerAndSchedule("m5", "side-0@1", 1, now.minusSeconds(1));
        assertInstanceOf(Claim.Claimed.class, store.claim(List.of("m5"), now, LEASE, "dead").get(0));

        assertEquals(new Claim.NotDue("m5", now.plus(LEASE)), store.claim(List.of("m5"), now.plusSeconds(1), LEASE, "other").get(0));
        assertEquals(List.of(), backlog.overdue(now.plusSeconds(1), 10));

        Instant afterLease = now.plus(LEASE).plusMillis(1);
        assertEquals(List.of("m5"), backlog.overdue(afterLease, 10));
        assertInstanceOf(Claim.Claimed.class, store.claim(List.of("m5"), afterLease, LEASE, "other").get(0));
        assertEquals("other", redis.hget(keys.message("m5"), "claimedBy"));
    }

    @Test
    void redeliveredSettlesOnlyTheClaimOfTheSameAttempt() {
        registerAndSchedule("m6", "side-0@1", 1, now.minusSeconds(1));
        store.claim(List.of("m6"), now, LEASE, "me");
        // the consumer failed on the redelivery before it was settled: attempt 2 is on the schedule
        registerAndSchedule("m6", "side-0@2", 1, now.minusMillis(1));
        store.claim(List.of("m6"), now, LEASE, "me");

        store.redelivered("m6", 1, now);
        assertEquals("claimed", redis.hget(keys.message("m6"), "state"));
        assertTrue(redis.zscore(keys.due(), "m6") != null, "attempt 2 stays on the schedule");

        store.redelivered("m6", 2, now);
        assertEquals("redelivered", redis.hget(keys.message("m6"), "state"));
        assertEquals(Long.toString(now.toEpochMilli()), redis.hget(keys.message("m6"), "redeliveredAt"));
        assertNull(redis.zscore(keys.due(), "m6"));
        assertEquals("2", redis.hget(keys.stats(), "redelivered"));
    }

    @Test
    void releasePutsBackOnlyTheClaimOfTheSameAttempt() {
        registerAndSchedule("m7", "side-0@1", 1, now.minusSeconds(1));
        assertFalse(store.release("m7", 1, now.plusSeconds(5)), "not claimed: nothing to release");
        store.claim(List.of("m7"), now, LEASE, "me");

        assertFalse(store.release("m7", 2, now.plusSeconds(5)));
        assertEquals("claimed", redis.hget(keys.message("m7"), "state"));
        assertTrue(store.release("m7", 1, now.plusSeconds(5)));
        assertEquals("scheduled", redis.hget(keys.message("m7"), "state"));
        assertEquals((double) now.plusSeconds(5).toEpochMilli(), redis.zscore(keys.due(), "m7"));
    }

    @Test
    void deadLetteredRemovesTheRecordAndTheScheduleEntryAndKeepsTheState() {
        registerAndSchedule("m8", "side-0@1", 1, now.plusSeconds(60));
        Duration shorter = Duration.ofMinutes(2);

        store.deadLettered("m8", now, "gave up", shorter);

        assertNull(redis.zscore(keys.due(), "m8"));
        assertNull(redis.hget(keys.message("m8"), "record"));
        assertEquals("dead-lettered", redis.hget(keys.message("m8"), "state"));
        assertEquals("gave up", redis.hget(keys.message("m8"), "dlqReason"));
        assertEquals("1", redis.hget(keys.stats(), "deadLettered"));
        assertTtl(keys.message("m8"), shorter);
        // a duplicate of the side record stays dead
        assertEquals(new Registration(true, 1, "dead-lettered"), store.register(failure("m8", "side-0@1", 1), TTL, now));
    }

    @Test
    void everyScriptIsLoadedAgainWhenRedisForgotIt() {
        String sha = RedisScript.load(RetryStore.class, "schedule").sha();
        redis.scriptFlush();
        assertEquals(List.of(false), redis.scriptExists(List.of(sha)));

        store.register(failure("m9", "side-0@1", 1), TTL, now);
        redis.scriptFlush();
        store.schedule("m9", now.minusSeconds(1), record("m9"), TTL);
        assertEquals(List.of(true), redis.scriptExists(List.of(sha)));
        redis.scriptFlush();
        assertInstanceOf(Claim.Claimed.class, store.claim(List.of("m9"), now, LEASE, "me").get(0));
        redis.scriptFlush();
        assertTrue(store.release("m9", 1, now));
        redis.scriptFlush();
        store.claim(List.of("m9"), now, LEASE, "me");
        redis.scriptFlush();
        store.redelivered("m9", 1, now);
        redis.scriptFlush();
        store.deadLettered("m9", now, "gave up", TTL);

        assertEquals("dead-lettered", redis.hget(keys.message("m9"), "state"));
    }

    private void registerAndSchedule(String id, String side, int headerAttempts, Instant dueAt) {
        store.register(failure(id, side, headerAttempts), TTL, now);
        store.schedule(id, dueAt, record(id), TTL);
    }

    private void assertTtl(String key, Duration ttl) {
        long seconds = redis.ttl(key);
        assertTrue(seconds > 0 && seconds <= ttl.toSeconds(), key + " has TTL " + seconds + " s, expected up to " + ttl);
    }

    private static StoredRecord record(String id) {
        return new StoredRecord("k-" + id, "v-" + id, new RecordHeaders());
    }

    private static FailedMessage failure(String id, String sidePosition, int headerAttempts) {
        return new FailedMessage(id, "issued-token", "k-" + id, "v-" + id, new RecordHeaders(), headerAttempts, true,
                Optional.of("consumer-svc-redelivery"), "consumer-svc", "java.lang.IllegalStateException", "down", sidePosition);
    }
}
