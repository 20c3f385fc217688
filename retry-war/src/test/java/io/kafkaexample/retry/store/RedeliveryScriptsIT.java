package io.kafkaexample.retry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.retry.engine.Claim;
import io.kafkaexample.retry.engine.Due;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** due.lua, claim.lua, redelivered.lua, send-failed.lua and release.lua: what the engine relies on. */
class RedeliveryScriptsIT extends ScriptsFixture {

    @Test
    void aClaimTakesWhatIsDueAndAnswersForEveryOtherIdInOrder() {
        registerAndSchedule("due", "side-0@1", 1, Duration.ZERO);
        registerAndSchedule("later", "side-0@2", 1, Duration.ofSeconds(60));
        registerAndSchedule("done", "side-0@3", 1, Duration.ZERO);
        store.deadLettered("done", "gave up", TTL);
        registerAndSchedule("flushed", "side-0@4", 1, Duration.ZERO);
        redis.del(keys.message("flushed"));
        long before = redisNow();

        List<Claim> claims = store.claim(List.of("due", "later", "done", "flushed", "unknown"), LEASE, "me");

        Claim.Claimed claimed = assertInstanceOf(Claim.Claimed.class, claims.get(0));
        assertEquals(1, claimed.attempts());
        assertTrue(!claimed.lateBy().isNegative() && claimed.lateBy().toMillis() < 1000, "late by " + claimed.lateBy());
        assertEquals("consumer-svc-redelivery", claimed.replyTo());
        assertEquals("issued-token", claimed.originTopic());
        assertEquals("k-due", claimed.key());
        assertEquals("v-due", new String(StoredRecord.parse(claimed.record()).value(), StandardCharsets.UTF_8));
        assertEquals("claimed", redis.hget(keys.message("due"), "state"));
        assertEquals("me", redis.hget(keys.message("due"), "claimedBy"));
        assertTrue(redis.zscore(keys.due(), "due") >= before + LEASE.toMillis(), "due again when the lease ends");
        Claim.NotDue later = assertInstanceOf(Claim.NotDue.class, claims.get(1));
        assertTrue(later.dueIn().toMillis() > 58_000 && later.dueIn().toMillis() <= 60_000, "due in " + later.dueIn());
        assertEquals(new Claim.Done("done"), claims.get(2));
        assertEquals(new Claim.Lost("flushed"), claims.get(3));
        assertNull(redis.zscore(keys.due(), "flushed"), "a lost entry leaves the schedule");
        assertEquals(new Claim.Lost("unknown"), claims.get(4));
    }

    @Test
    void aClaimedEntryIsNotDueUntilItsLeaseRunsOutThenAnotherInstanceTakesIt() throws InterruptedException {
        registerAndSchedule("m5", "side-0@1", 1, Duration.ZERO);
        Duration lease = Duration.ofMillis(300);
        long before = redisNow();
        Claim.Claimed first = assertInstanceOf(Claim.Claimed.class, store.claim(List.of("m5"), lease, "dead").get(0));
        assertEquals(Optional.empty(), first.claimedBefore(), "the first claim of an attempt");

        assertInstanceOf(Claim.NotDue.class, store.claim(List.of("m5"), lease, "other").get(0));
        assertEquals(List.of(), store.dueWithin(Duration.ZERO, 10));
        assertEquals(List.of("m5"), store.dueWithin(lease, 10).stream().map(Due::id).toList(), "due within the horizon");

        Thread.sleep(lease.toMillis() + 20);
        assertEquals(List.of("m5"), store.dueWithin(Duration.ZERO, 10).stream().map(Due::id).toList());
        Claim.Claimed second = assertInstanceOf(Claim.Claimed.class, store.claim(List.of("m5"), LEASE, "other").get(0));
        assertEquals("other", redis.hget(keys.message("m5"), "claimedBy"));
        long firstClaim = second.claimedBefore().orElseThrow().toEpochMilli();
        assertTrue(firstClaim >= before && firstClaim <= before + 100, "the time of the dead instance's claim: its send may have landed");

        store.register(failure("m5", "side-0@2", 2), TTL);
        store.schedule("m5", Duration.ZERO, record("m5"), TTL);
        Claim.Claimed next = assertInstanceOf(Claim.Claimed.class, store.claim(List.of("m5"), LEASE, "other").get(0));
        assertEquals(Optional.empty(), next.claimedBefore(), "a new attempt starts without an earlier claim");
    }

    @Test
    void dueWithinListsTheMostOverdueFirstUpToTheLimit() {
        registerAndSchedule("a", "side-0@1", 1, Duration.ZERO);
        registerAndSchedule("b", "side-0@2", 1, Duration.ofSeconds(2));
        registerAndSchedule("c", "side-0@3", 1, Duration.ofSeconds(30));

        List<Due> due = store.dueWithin(Duration.ofSeconds(5), 10);
        assertEquals(List.of("a", "b"), due.stream().map(Due::id).toList());
        assertTrue(due.get(0).dueIn().toMillis() <= 0, "a is overdue");
        assertTrue(due.get(1).dueIn().toMillis() > 1000, "b is due in about 2 s");
        assertEquals(List.of("a"), store.dueWithin(Duration.ofSeconds(5), 1).stream().map(Due::id).toList());
    }

    @Test
    void redeliveredSettlesOnlyTheClaimOfTheSameAttempt() {
        registerAndSchedule("m6", "side-0@1", 1, Duration.ZERO);
        store.claim(List.of("m6"), LEASE, "me");
        // the consumer failed on the redelivery before it was settled: attempt 2 is on the schedule
        registerAndSchedule("m6", "side-0@2", 1, Duration.ZERO);
        store.claim(List.of("m6"), LEASE, "me");

        assertFalse(store.redelivered("m6", 1, "me"));
        assertEquals("claimed", redis.hget(keys.message("m6"), "state"));
        assertTrue(redis.zscore(keys.due(), "m6") != null, "attempt 2 stays on the schedule");

        assertTrue(store.redelivered("m6", 2, "me"));
        assertEquals("redelivered", redis.hget(keys.message("m6"), "state"));
        assertNull(redis.zscore(keys.due(), "m6"));
        assertEquals("2", redis.hget(keys.stats(), "redelivered"));
    }

    @Test
    void releasePutsBackOnlyTheClaimOfTheSameAttemptAndStartsItsTtlAgain() {
        registerAndSchedule("m7", "side-0@1", 1, Duration.ZERO);
        assertFalse(store.release("m7", 1, "me", Duration.ofSeconds(5), TTL), "not claimed: nothing to release");
        store.claim(List.of("m7"), LEASE, "me");
        redis.expire(keys.message("m7"), 5);

        assertFalse(store.release("m7", 2, "me", Duration.ofSeconds(5), TTL));
        assertEquals("claimed", redis.hget(keys.message("m7"), "state"));
        long before = redisNow();
        assertTrue(store.release("m7", 1, "me", Duration.ofSeconds(5), TTL));
        assertEquals("scheduled", redis.hget(keys.message("m7"), "state"));
        double due = redis.zscore(keys.due(), "m7");
        assertTrue(due >= before + 5000 && due <= redisNow() + 5000, "due 5 s after Redis's now");
        assertTrue(redis.ttl(keys.message("m7")) > 5, "an entry that cannot be sent must not expire before it is dead-lettered");
    }

    @Test
    void sendFailuresAreCountedPerAttemptAndOnlyForTheInstanceHoldingTheClaim() {
        registerAndSchedule("m9", "side-0@1", 1, Duration.ZERO);
        assertEquals(OptionalInt.empty(), store.sendFailed("m9", 1, "me"), "not claimed");
        store.claim(List.of("m9"), LEASE, "me");
        assertEquals(OptionalInt.empty(), store.sendFailed("m9", 1, "other"));
        assertEquals(OptionalInt.of(1), store.sendFailed("m9", 1, "me"));
        assertEquals(OptionalInt.of(2), store.sendFailed("m9", 1, "me"));

        // the next failure of the message starts its own count
        registerAndSchedule("m9", "side-0@2", 2, Duration.ZERO);
        store.claim(List.of("m9"), LEASE, "me");
        assertEquals(OptionalInt.of(1), store.sendFailed("m9", 2, "me"));
    }

    @Test
    void aSendThatOutlivedItsLeaseNeitherSettlesNorReleasesNorCountsOnTheClaimAnotherInstanceTookOver() throws InterruptedException {
        registerAndSchedule("m8", "side-0@1", 1, Duration.ZERO);
        store.claim(List.of("m8"), Duration.ofMillis(200), "instance-a");
        // a's send hangs past its lease; b takes the entry over
        Thread.sleep(220);
        assertInstanceOf(Claim.Claimed.class, store.claim(List.of("m8"), LEASE, "instance-b").get(0));

        assertFalse(store.release("m8", 1, "instance-a", Duration.ZERO, TTL), "a's late failure must not put b's claim back");
        assertEquals(OptionalInt.empty(), store.sendFailed("m8", 1, "instance-a"));
        assertFalse(store.redelivered("m8", 1, "instance-a"), "a's late success must not settle b's claim");
        assertEquals("claimed", redis.hget(keys.message("m8"), "state"));
        assertEquals("instance-b", redis.hget(keys.message("m8"), "claimedBy"));

        assertTrue(store.redelivered("m8", 1, "instance-b"));
        assertEquals("redelivered", redis.hget(keys.message("m8"), "state"));
        assertNull(redis.zscore(keys.due(), "m8"));
    }
}
