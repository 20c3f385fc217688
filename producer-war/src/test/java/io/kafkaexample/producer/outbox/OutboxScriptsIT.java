package io.kafkaexample.producer.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.producer.redis.RedisKeys;
import io.kafkaexample.producer.redis.TestKeyspace;
import io.kafkaexample.testsupport.OnEveryTestRedis;
import io.kafkaexample.testsupport.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import redis.clients.jedis.UnifiedJedis;

/** The relay lease (SET NX and the outbox-lease scripts), against a real Redis. */
@OnEveryTestRedis
class OutboxScriptsIT {

    @Parameter
    TestRedis target;

    private TestKeyspace space;
    private UnifiedJedis redis;
    private RedisKeys keys;

    @BeforeEach
    void connect() {
        space = new TestKeyspace(target);
        redis = space.redis();
        keys = space.keys();
    }

    @AfterEach
    void clean() {
        space.close();
    }

    @Test
    void oneOwnerHoldsTheLeaseAndOnlyItReleasesIt() {
        RelayLease first = new RelayLease(redis, keys, "instance-1", Duration.ofSeconds(60));
        RelayLease second = new RelayLease(redis, keys, "instance-2", Duration.ofSeconds(60));
        assertTrue(first.acquire());
        long ttl = redis.pttl(keys.outboxLease());
        assertTrue(ttl > 50_000 && ttl <= 60_000, "the lease expires by itself: " + ttl);
        assertFalse(second.acquire());
        assertFalse(first.acquire(), "a held lease is not taken again, not even by its owner");
        assertFalse(second.release());
        assertEquals("instance-1", redis.get(keys.outboxLease()));
        assertTrue(first.release());
        assertFalse(redis.exists(keys.outboxLease()));
        assertTrue(second.acquire());
    }

    @Test
    void aLateReleaseAfterTheLeaseExpiredLeavesTheNextOwnersLease() throws InterruptedException {
        RelayLease slow = new RelayLease(redis, keys, "instance-1", Duration.ofMillis(100));
        RelayLease next = new RelayLease(redis, keys, "instance-2", Duration.ofSeconds(60));
        assertTrue(slow.acquire());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (redis.exists(keys.outboxLease()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(next.acquire());
        assertFalse(slow.release());
        assertEquals("instance-2", redis.get(keys.outboxLease()));
    }

    @Test
    void onlyTheHolderRenewsTheLeaseAndAStalledHolderLearnsItLostIt() throws InterruptedException {
        RelayLease holder = new RelayLease(redis, keys, "instance-1", Duration.ofSeconds(2));
        RelayLease other = new RelayLease(redis, keys, "instance-2", Duration.ofSeconds(60));
        assertTrue(holder.acquire());
        Thread.sleep(1000);
        assertTrue(holder.renew());
        assertTrue(redis.pttl(keys.outboxLease()) > 1_500, "renewed by its whole time");
        assertFalse(other.renew(), "a lease it does not hold");
        assertEquals("instance-1", redis.get(keys.outboxLease()));

        redis.del(keys.outboxLease()); // the holder stalled past its lease
        assertTrue(other.acquire());
        assertFalse(holder.renew(), "the stalled holder must stop relaying");
        assertEquals("instance-2", redis.get(keys.outboxLease()));
    }
}
