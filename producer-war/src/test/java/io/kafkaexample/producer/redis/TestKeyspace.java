package io.kafkaexample.producer.redis;

import io.kafkaexample.testsupport.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The keys of one script test, under a prefix of its own in the test Redis, deleted when it closes: the
 * running test stack's producer shares that Redis and must never relay or list what a script test writes.
 */
public final class TestKeyspace implements AutoCloseable {

    private final RedisClient redis = RedisClient.create(TestStack.redisUrl());
    private final String prefix = "it-scripts:" + UUID.randomUUID() + ":";
    private final RedisKeys keys = new RedisKeys(prefix);

    public RedisClient redis() {
        return redis;
    }

    public RedisKeys keys() {
        return keys;
    }

    /** Every key written under this prefix, for a test to prove a refused call wrote nothing. */
    public List<String> allKeys() {
        List<String> found = new ArrayList<>();
        ScanParams match = new ScanParams().match(prefix + "*").count(500);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            found.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return found;
    }

    @Override
    public void close() {
        List<String> left = allKeys();
        if (!left.isEmpty()) {
            redis.del(left.toArray(String[]::new));
        }
        redis.close();
    }
}
