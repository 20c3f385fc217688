package io.kafkaexample.retry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** claim.lua, redelivered.lua and release.lua: what the scheduler and the redeliverer rely on. */
class RedeliveryScriptsIT extends ScriptsFixture {

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

        store.redelivered("m6", 1, "me", now);
        assertEquals("claimed", redis.hget(keys.message("m6"), "state"));
        assertTrue(redis.zscore(keys.due(), "m6") != null, "attempt 2 stays on the schedule");

        store.redelivered("m6", 2, "me", now);
        assertEquals("redelivered", redis.hget(keys.message("m6"), "state"));
        assertEquals(Long.toString(now.toEpochMilli()), redis.hget(keys.message("m6"), "redeliveredAt"));
        assertNull(redis.zscore(keys.due(), "m6"));
        assertEquals("2", redis.hget(keys.stats(), "redelivered"));
    }

    @Test
    void releasePutsBackOnlyTheClaimOfTheSameAttempt() {
        registerAndSchedule("m7", "side-0@1", 1, now.minusSeconds(1));
        assertFalse(store.release("m7", 1, "me", now.plusSeconds(5)), "not claimed: nothing to release");
        store.claim(List.of("m7"), now, LEASE, "me");

        assertFalse(store.release("m7", 2, "me", now.plusSeconds(5)));
        assertEquals("claimed", redis.hget(keys.message("m7"), "state"));
        assertTrue(store.release("m7", 1, "me", now.plusSeconds(5)));
        assertEquals("scheduled", redis.hget(keys.message("m7"), "state"));
        assertEquals((double) now.plusSeconds(5).toEpochMilli(), redis.zscore(keys.due(), "m7"));
    }

    @Test
    void aSendThatOutlivedItsLeaseNeitherSettlesNorReleasesTheClaimAnotherInstanceTookOver() {
        registerAndSchedule("m8", "side-0@1", 1, now.minusSeconds(1));
        store.claim(List.of("m8"), now, LEASE, "instance-a");
        // a's send hangs past its lease; b takes the entry over
        Instant later = now.plus(LEASE).plusMillis(1);
        assertInstanceOf(Claim.Claimed.class, store.claim(List.of("m8"), later, LEASE, "instance-b").get(0));

        assertFalse(store.release("m8", 1, "instance-a", later), "a's late failure must not put b's claim back");
        assertFalse(store.redelivered("m8", 1, "instance-a", later), "a's late success must not settle b's claim");
        assertEquals("claimed", redis.hget(keys.message("m8"), "state"));
        assertEquals("instance-b", redis.hget(keys.message("m8"), "claimedBy"));

        assertTrue(store.redelivered("m8", 1, "instance-b", later));
        assertEquals("redelivered", redis.hget(keys.message("m8"), "state"));
        assertNull(redis.zscore(keys.due(), "m8"));
    }
}
