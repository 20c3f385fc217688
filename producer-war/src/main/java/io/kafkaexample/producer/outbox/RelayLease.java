package io.kafkaexample.producer.outbox;

import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.producer.redis.RedisKeys;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The right to relay the outbox, held by one instance at a time so that several producer-svc instances
 * never publish an entry twice on purpose. It expires by itself, so a crashed holder blocks the others
 * for one lease time at most; the holder renews it before each batch, and stops when it no longer holds it.
 */
final class RelayLease {

    private static final RedisScript RELEASE = RedisScript.load(RelayLease.class, "outbox-lease-release");
    private static final RedisScript RENEW = RedisScript.load(RelayLease.class, "outbox-lease-renew");

    private final UnifiedJedis redis;
    private final String key;
    private final String owner;
    private final Duration time;

    RelayLease(UnifiedJedis redis, RedisKeys keys, String owner, Duration time) {
        this.redis = redis;
        this.key = keys.outboxLease();
        this.owner = owner;
        this.time = time;
    }

    /** Takes the lease if nobody holds it. */
    boolean acquire() {
        return "OK".equals(redis.set(key, owner, SetParams.setParams().nx().px(time.toMillis())));
    }

    /** Extends the lease by its whole time if this owner still holds it; false if it no longer does. */
    boolean renew() {
        return Long.valueOf(1).equals(RENEW.eval(redis, List.of(key), List.of(owner, Long.toString(time.toMillis()))));
    }

    /** Gives the lease back if this owner still holds it; true if it did. */
    boolean release() {
        return Long.valueOf(1).equals(RELEASE.eval(redis, List.of(key), List.of(owner)));
    }
}
