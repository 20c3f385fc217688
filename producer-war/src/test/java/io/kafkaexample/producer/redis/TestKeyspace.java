package io.kafkaexample.producer.redis;

import io.kafkaexample.testsupport.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The keys of one script test, under a namespace of its own in a test Redis, deleted when it closes: the
 * running test stack's producer shares that Redis and must never relay or list what a script test writes.
 * The namespace comes before the keys' hash tag, so on the cluster every key of a test is in the slot of
 * {@code {producer}}, as the service's own keys are.
 */
public final class TestKeyspace implements AutoCloseable {

    private final UnifiedJedis redis;
    private final RedisKeys keys = new RedisKeys("it-scripts:" + UUID.randomUUID() + ":");

    public TestKeyspace(TestRedis target) {
        this.redis = target.client();
    }

    public UnifiedJedis redis() {
        return redis;
    }

    public RedisKeys keys() {
        return keys;
    }

    /** Every key written under this namespace, for a test to prove a refused call wrote nothing. */
    public List<String> allKeys() {
        List<String> found = new ArrayList<>();
        ScanParams match = new ScanParams().match(keys.scanPattern()).count(500);
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
    }
}
