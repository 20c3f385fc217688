package io.kafkaexample.consumer.readmodel;

import io.kafkaexample.testsupport.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.RedisClient;

/** What the script tests share: one client of the test Redis, and the keys each test wrote, removed after it. */
abstract class ScriptsOnRedis {

    static RedisClient redis;
    final ScriptKeys written = new ScriptKeys();

    @BeforeAll
    static void connect() {
        redis = RedisClient.create(TestStack.redisUrl());
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    @AfterEach
    void clean() {
        written.clean(redis);
    }
}
