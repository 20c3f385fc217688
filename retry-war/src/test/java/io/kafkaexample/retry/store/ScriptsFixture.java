package io.kafkaexample.retry.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.retry.engine.Failure;
import io.kafkaexample.testsupport.OnEveryTestRedis;
import io.kafkaexample.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * A {@link RetryStore} and {@link RetryBacklog} on a real Redis, the test stack's single one and its cluster in
 * turn, in a namespace of the test's own (before the keys' hash tag, so on the cluster in the slot of
 * {@code {retry}}): a running retry-svc sweeping the same database never sees these entries. Each test's keys
 * are deleted after it. The scripts take "now" from Redis, so the tests work with delays and Redis's TIME.
 */
@OnEveryTestRedis
abstract class ScriptsFixture {

    static final Duration TTL = Duration.ofMinutes(10);
    static final Duration LEASE = Duration.ofSeconds(30);

    final String namespace = "retry-it:" + UUID.randomUUID() + ":";
    final RedisKeys keys = new RedisKeys(namespace);
    @Parameter
    TestRedis target;

    UnifiedJedis redis;
    RetryStore store;
    RetryBacklog backlog;

    @BeforeEach
    void connect() {
        redis = target.client();
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
            var page = redis.scan(cursor, new ScanParams().match(keys.scanPattern()).count(500));
            page.getResult().forEach(redis::del);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }

    /** Redis's clock, in ms: what the scripts compare due times with. */
    long redisNow() {
        return (Long) redis.eval("local t = redis.call('TIME') return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)");
    }

    void registerAndSchedule(String id, String side, int headerAttempts, Duration delay) {
        store.register(failure(id, side, headerAttempts), TTL);
        store.schedule(id, delay, record(id), TTL);
    }

    void assertTtl(String key, Duration ttl) {
        long seconds = redis.ttl(key);
        assertTrue(seconds > 0 && seconds <= ttl.toSeconds(), key + " has TTL " + seconds + " s, expected up to " + ttl);
    }

    static String record(String id) {
        return new StoredRecord(("k-" + id).getBytes(StandardCharsets.UTF_8), ("v-" + id).getBytes(StandardCharsets.UTF_8),
                new RecordHeaders()).toJson();
    }

    /** A report that does not say which record failed (a side record written before the header existed). */
    static Failure failure(String id, String sidePosition, int headerAttempts) {
        return failure(id, sidePosition, headerAttempts, Optional.empty());
    }

    static Failure failure(String id, String sidePosition, int headerAttempts, Optional<String> failedPosition) {
        return new Failure(id, "issued-token", "k-" + id, "consumer-svc", Optional.of("consumer-svc-redelivery"), headerAttempts, true,
                "IllegalStateException: down", sidePosition, failedPosition, record(id));
    }
}
