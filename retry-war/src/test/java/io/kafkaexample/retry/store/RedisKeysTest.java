package io.kafkaexample.retry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedisKeysTest {

    /** Running instances and operators know these names: a change strands every retry in Redis. */
    @Test
    void theLiveKeysKeepTheirNames() {
        assertEquals("{retry}:msg:abc", RedisKeys.LIVE.message("abc"));
        assertEquals("{retry}:due", RedisKeys.LIVE.due());
        assertEquals("{retry}:stats", RedisKeys.LIVE.stats());
        assertEquals("{retry}:dlq:replayed", RedisKeys.LIVE.dlqReplayed());
        assertEquals("{retry}:dlq:discarded", RedisKeys.LIVE.dlqDiscarded());
        assertEquals("{retry}:*", RedisKeys.LIVE.scanPattern());
    }
}
