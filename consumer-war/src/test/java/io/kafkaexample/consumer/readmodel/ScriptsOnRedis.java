package io.kafkaexample.consumer.readmodel;

import io.kafkaexample.testsupport.OnEveryTestRedis;
import io.kafkaexample.testsupport.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the script tests share: a client of the test stack's Redis, the single one and the cluster in turn,
 * and the keys each test wrote, removed after it.
 */
@OnEveryTestRedis
abstract class ScriptsOnRedis {

    @Parameter
    TestRedis target;

    UnifiedJedis redis;
    final ScriptKeys written = new ScriptKeys();

    @BeforeEach
    void connect() {
        redis = target.client();
    }

    @AfterEach
    void clean() {
        written.clean(redis);
    }
}
