package io.kafkaexample.testsupport;

import io.kafkaexample.common.redis.RedisClients;
import io.kafkaexample.common.redis.RedisUrl;
import java.util.EnumMap;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * The two Redis deployments of the test stack that the Lua script tests run on ({@link OnEveryTestRedis}): the
 * single Redis the services use, and a Redis Cluster, where a script that touches keys of two hash slots fails.
 */
public enum TestRedis {

    SINGLE, CLUSTER;

    private static final int TIMEOUT_MILLIS = 5000;
    private static final Map<TestRedis, UnifiedJedis> CLIENTS = new EnumMap<>(TestRedis.class);

    public String url() {
        return this == SINGLE ? TestStack.redisUrl() : TestStack.redisClusterUrl();
    }

    /** The client of this Redis that every test of the JVM shares (made with the services' own code); never closed. */
    public UnifiedJedis client() {
        synchronized (CLIENTS) {
            return CLIENTS.computeIfAbsent(this, redis -> RedisClients.connect(RedisUrl.parse(redis.url()), TIMEOUT_MILLIS));
        }
    }
}
