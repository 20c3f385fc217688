package io.kafkaexample.consumer.readmodel;

import static io.kafkaexample.consumer.readmodel.ReadModelScriptsIT.entry;
import static io.kafkaexample.consumer.readmodel.ReadModelScriptsIT.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.redis.RedisScript;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Response;

/**
 * common's RedisScript after Redis forgot its scripts (SCRIPT FLUSH, as after a restart or a fail-over):
 * both the direct and the pipelined call load the script again, on a cluster into the node of the keys' slot,
 * and succeed.
 */
class FlushedScriptsIT extends ScriptsOnRedis {

    @Test
    void evalLoadsAFlushedScriptAndRunsIt() {
        RedisScript script = ReadModel.USER_CREATED;
        String userId = newId();
        List<String> keys = written.of(newId(), userId);
        forget(script, keys);

        assertEquals("applied", script.eval(redis, keys, userCreatedArgs(keys, userId)));
        assertTrue(known(script, keys));
        assertEquals("ada", redis.hget(RedisKeys.user(userId), "username"));
    }

    @Test
    void aPipelineInsideLoadingOnMissRunsAgainOnceTheFlushedScriptIsLoaded() {
        RedisScript script = ReadModel.USER_CREATED;
        String userId = newId();
        List<String> keys = written.of(newId(), userId);
        List<String> args = userCreatedArgs(keys, userId);
        forget(script, keys);
        AtomicInteger runs = new AtomicInteger();

        Object answer = script.loadingOnMiss(redis, keys, () -> {
            runs.incrementAndGet();
            try (var pipeline = redis.pipelined()) {
                Response<Object> response = script.eval(pipeline, keys, args);
                pipeline.sync();
                return response.get();
            }
        });

        assertEquals("applied", answer);
        assertEquals(2, runs.get(), "the first run must have met NOSCRIPT, the second the loaded script");
        assertTrue(known(script, keys));
        assertEquals("ada", redis.hget(RedisKeys.user(userId), "username"));
    }

    /** SCRIPT FLUSH on every node of a cluster. */
    private void forget(RedisScript script, List<String> keys) {
        redis.scriptFlush();
        assertFalse(known(script, keys), "SCRIPT FLUSH left " + script);
    }

    /** Whether the node of the keys' slot knows the script: the one that runs it. */
    private boolean known(RedisScript script, List<String> keys) {
        return redis.scriptExists(script.sha(), keys.get(0));
    }

    private List<String> userCreatedArgs(List<String> keys, String userId) {
        String entry = written.feedEntry(entry(keys.get(0), "user.created", userId));
        return List.of(Long.toString(ReadModel.SEEN_TTL_SECONDS), entry, Integer.toString(ReadModel.FEED_SIZE),
                "id", userId, "username", "ada");
    }
}
