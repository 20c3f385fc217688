package io.kafkaexample.producer.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.producer.outbox.Outbox;
import io.kafkaexample.producer.redis.RedisKeys;
import io.kafkaexample.producer.redis.TestKeyspace;
import io.kafkaexample.producer.user.StoredUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The refresh token scripts (refresh-issue, refresh-rotate, refresh-revoke) through RefreshTokens, against a real Redis. */
class RefreshTokensScriptsIT {

    private static final String USED = "the refresh token is expired or was already used: log in again";

    private final AtomicInteger nudges = new AtomicInteger();
    private TestKeyspace space;
    private RedisClient redis;
    private RedisKeys keys;
    private RefreshTokens tokens;

    @BeforeEach
    void connect() {
        space = new TestKeyspace();
        redis = space.redis();
        keys = space.keys();
        tokens = new RefreshTokens();
        tokens.redis = redis;
        tokens.keys = keys;
        tokens.outbox = new Outbox(redis, keys, nudges::incrementAndGet);
        tokens.config = new TokenConfig("producer-svc", "PT15M", "PT1M");
    }

    @AfterEach
    void clean() {
        space.close();
    }

    @Test
    void issueKeepsOnlyTheHashForTheLifetimeAndQueuesTheEvent() throws ClientError {
        String ada = user();
        String token = tokens.issue(ada, event(ada));
        assertEquals(Optional.of(ada), tokens.owner(token));
        String hash = RefreshTokens.hash(token);
        assertFalse(space.allKeys().stream().anyMatch(k -> k.contains(token)), "Redis never holds the token itself");
        long ttl = redis.pttl(keys.refreshToken(hash));
        assertTrue(ttl > 50_000 && ttl <= 60_000, "the token lives jwt.refresh-lifetime: " + ttl);
        assertEquals(Set.of(hash), redis.smembers(keys.userRefreshTokens(ada)));
        assertTrue(redis.pttl(keys.userRefreshTokens(ada)) > 50_000, "the set expires with the last token");
        var entry = redis.xrange(keys.outbox(), "-", "+").get(0).getFields();
        assertEquals(Topics.ISSUED_TOKEN, entry.get("topic"));
        assertEquals(ada, entry.get("key"));
        assertEquals(1, nudges.get());
    }

    @Test
    void aUserDeletedMeanwhileGetsNoTokenAndNoEvent() {
        String gone = UUID.randomUUID().toString();
        assertEquals("the user no longer exists",
                assertThrows(ClientError.class, () -> tokens.issue(gone, event(gone))).getMessage());
        assertEquals(0, redis.xlen(keys.outbox()));
        assertEquals(List.of(), space.allKeys());
    }

    @Test
    void aRotatedTokenIsDeadAndTheNewOneWorksOnce() throws ClientError {
        String ada = user();
        String first = tokens.issue(ada, event(ada));
        String second = tokens.rotate(ada, first, event(ada));
        assertNotEquals(first, second);
        assertEquals(Optional.empty(), tokens.owner(first));
        assertEquals(Optional.of(ada), tokens.owner(second));
        assertEquals(Set.of(RefreshTokens.hash(second)), redis.smembers(keys.userRefreshTokens(ada)));

        assertEquals(USED, assertThrows(ClientError.class, () -> tokens.rotate(ada, first, event(ada))).getMessage());
        assertEquals(2, redis.xlen(keys.outbox()), "a refused rotation queues no event");
        tokens.rotate(ada, second, event(ada));
    }

    @Test
    void anotherUsersTokenCannotBeRotatedAndStaysValid() throws ClientError {
        String ada = user();
        String grace = user();
        String adas = tokens.issue(ada, event(ada));
        assertEquals(USED, assertThrows(ClientError.class, () -> tokens.rotate(grace, adas, event(grace))).getMessage());
        assertEquals(Optional.of(ada), tokens.owner(adas));
        assertFalse(redis.exists(keys.userRefreshTokens(grace)));
    }

    @Test
    void revokeAllKillsEveryTokenOfTheUserAndNoOtherUsers() throws ClientError {
        String ada = user();
        String grace = user();
        String first = tokens.issue(ada, event(ada));
        String second = tokens.issue(ada, event(ada));
        String graces = tokens.issue(grace, event(grace));
        tokens.revokeAll(ada);
        assertEquals(Optional.empty(), tokens.owner(first));
        assertEquals(Optional.empty(), tokens.owner(second));
        assertFalse(redis.exists(keys.userRefreshTokens(ada)));
        assertEquals(Optional.of(grace), tokens.owner(graces));
        assertEquals(USED, assertThrows(ClientError.class, () -> tokens.rotate(ada, second, event(ada))).getMessage());
        tokens.revokeAll(ada);
    }

    private String user() {
        String id = UUID.randomUUID().toString();
        redis.hset(keys.user(id), "id", id);
        return id;
    }

    private static CloudEvent event(String userId) {
        StoredUser user = new StoredUser(userId, "ada", "ada@example.org", "Ada", "Lovelace", 5, "hash", Instant.now());
        return TokenEvents.tokenIssued(user, new IssuedToken("jwt", UUID.randomUUID().toString(), Instant.now(),
                Instant.now().plusSeconds(900)));
    }
}
