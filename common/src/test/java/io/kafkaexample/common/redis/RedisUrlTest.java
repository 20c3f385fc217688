package io.kafkaexample.common.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.redis.RedisUrl.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void plainUrlUsesDefaults() {
        RedisUrl url = RedisUrl.parse("redis://localhost");
        assertEquals(new RedisUrl(false, false, List.of(new Node("localhost", 6379)), null, null, 0), url);
    }

    @Test
    void passwordPortAndDatabase() {
        RedisUrl url = RedisUrl.parse("redis://:s3cr%40t@cache.internal:6380/3");
        assertEquals(new Node("cache.internal", 6380), url.node());
        assertNull(url.user());
        assertEquals("s3cr@t", url.password());
        assertEquals(3, url.database());
        assertFalse(url.tls());
        assertFalse(url.cluster());
    }

    @Test
    void userAndPasswordOverTls() {
        RedisUrl url = RedisUrl.parse("rediss://app:pw@redis.example:6379/0");
        assertTrue(url.tls());
        assertEquals("app", url.user());
        assertEquals("pw", url.password());
    }

    @Test
    void aClusterUrlNamesEveryNodeGiven() {
        RedisUrl url = RedisUrl.parse("redis-cluster://localhost:7000, localhost:7001,[::1]:7002,other");
        assertTrue(url.cluster());
        assertFalse(url.tls());
        assertEquals(List.of(new Node("localhost", 7000), new Node("localhost", 7001), new Node("::1", 7002), new Node("other", 6379)),
                url.nodes());
        assertEquals(0, url.database());
        assertThrows(IllegalStateException.class, url::node, "a cluster has no single node");
    }

    @Test
    void aTlsClusterUrlWithCredentials() {
        RedisUrl url = RedisUrl.parse("rediss-cluster://app:p%2Cw@clustercfg.cache.example:6379/");
        assertTrue(url.cluster());
        assertTrue(url.tls());
        assertEquals("app", url.user());
        assertEquals("p,w", url.password());
        assertEquals(List.of(new Node("clustercfg.cache.example", 6379)), url.nodes());
    }

    @Test
    void redactedFormNeverShowsThePassword() {
        RedisUrl url = RedisUrl.parse("redis://:topsecret@h:1/2");
        assertEquals("redis://***@h:1/2", url.redacted());
        assertFalse(url.toString().contains("topsecret"));
        RedisUrl cluster = RedisUrl.parse("rediss-cluster://:topsecret@a:1,b:2");
        assertEquals("rediss-cluster://***@a:1,b:2", cluster.redacted());
        assertFalse(cluster.toString().contains("topsecret"));
    }

    @Test
    void rejectsWhatIsNotARedisUrlWithoutEchoingIt() {
        for (String bad : new String[] {"", "http://h:1", "redis://:pw@/0", "redis://h:1/x", "redis://h:1/-1", "::",
                "redis://:pw@a:1,b:2", "redis-cluster://:pw@a:1,,b:2", "redis-cluster://:pw@a:x", "rediscluster://:pw@a:1"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse(bad), bad);
            assertTrue(e.getMessage().contains("REDIS_URL"), e.getMessage());
            assertFalse(e.getMessage().contains("pw"), e.getMessage());
        }
    }

    @Test
    void aClusterHasNoDatabaseIndexAndSaysSo() {
        var e = assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("redis-cluster://:pw@a:7000/1"));
        assertTrue(e.getMessage().contains("a database index is not allowed with redis-cluster://"), e.getMessage());
        assertFalse(e.getMessage().contains("pw"), e.getMessage());
    }
}
