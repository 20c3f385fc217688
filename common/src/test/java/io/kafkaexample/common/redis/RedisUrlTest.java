package io.kafkaexample.common.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void plainUrlUsesDefaults() {
        RedisUrl url = RedisUrl.parse("redis://localhost");
        assertEquals(new RedisUrl(false, "localhost", 6379, null, null, 0), url);
    }

    @Test
    void passwordPortAndDatabase() {
        RedisUrl url = RedisUrl.parse("redis://:s3cr%40t@cache.internal:6380/3");
        assertEquals("cache.internal", url.host());
        assertEquals(6380, url.port());
        assertNull(url.user());
        assertEquals("s3cr@t", url.password());
        assertEquals(3, url.database());
        assertFalse(url.tls());
    }

    @Test
    void userAndPasswordOverTls() {
        RedisUrl url = RedisUrl.parse("rediss://app:pw@redis.example:6379/0");
        assertTrue(url.tls());
        assertEquals("app", url.user());
        assertEquals("pw", url.password());
    }

    @Test
    void redactedFormNeverShowsThePassword() {
        RedisUrl url = RedisUrl.parse("redis://:topsecret@h:1/2");
        assertEquals("redis://***@h:1/2", url.redacted());
        assertFalse(url.toString().contains("topsecret"));
    }

    @Test
    void rejectsWhatIsNotARedisUrlWithoutEchoingIt() {
        for (String bad : new String[] {"", "http://h:1", "redis://:pw@/0", "redis://h:1/x", "redis://h:1/-1", "::"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse(bad), bad);
            assertTrue(e.getMessage().contains("REDIS_URL"), e.getMessage());
            assertFalse(e.getMessage().contains("pw"), e.getMessage());
        }
    }
}
