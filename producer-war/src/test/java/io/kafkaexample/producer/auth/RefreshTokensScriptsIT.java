package io.kafkaexample.producer.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.common.tracing.Tracing;
import io.kafkaexample.producer.outbox.Outbox;
import io.kafkaexample.producer.redis.RedisKeys;
import io.kafkaexample.producer.redis.TestKeyspace;
import io.kafkaexample.testsupport.OnEveryTestRedis;
import io.kafkaexample.testsupport.TestRedis;
import io.kafkaexample.producer.user.StoredUser;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import redis.clients.jedis.UnifiedJedis;

/** The refresh token scripts (refresh-issue, refresh-rotate) through RefreshTokens, against a real Redis. */
@OnEveryTestRedis
class RefreshTokensScriptsIT {

    @Parameter
    TestRedis target;

    private final AtomicInteger nudges = new AtomicInteger();
    private TestKeyspace space;
    private UnifiedJedis redis;
    private RedisKeys keys;
    private RefreshTokens tokens;

    @BeforeEach
    void connect() {
        space = new TestKeyspace(target);
        redis = space.redis();
        keys = space.keys();
        tokens = new RefreshTokens();
        tokens.redis = redis;
        tokens.keys = keys;
        tokens.outbox = new Outbox(redis, keys, nudges::incrementAndGet, new Tracing(OpenTelemetry.noop()));
        tokens.config = new TokenConfig("producer-svc", "PT15M", "PT1M");
    }

    @AfterEach
    void clean() {
        space.close();
    }

    @Test
    void issueKeepsOnlyTheHashForTheLifetimeAndQueuesTheEvent() throws ClientError {
        String ada = user();
        String token = tokens.issue(ada, 1, event(ada));
        RefreshTokens.Stored stored = tokens.find(token).orElseThrow();
        assertEquals(ada, stored.userId());
        assertEquals(1, stored.credential());
        String hash = RefreshTokens.hash(token);
        assertFalse(space.allKeys().stream().anyMatch(k -> k.contains(token)), "Redis never holds the token itself");
        long ttl = redis.pttl(keys.refreshToken(hash));
        assertTrue(ttl > 50_000 && ttl <= 60_000, "the token lives jwt.refresh-lifetime: " + ttl);
        var entry = redis.xrange(keys.outbox(), "-", "+").get(0).getFields();
        assertEquals(Topics.ISSUED_TOKEN, entry.get("topic"));
        assertEquals(ada, entry.get("key"));
        assertEquals(1, nudges.get());
    }

    @Test
    void aUserDeletedOrAPasswordChangedMeanwhileGetsNoTokenAndNoEvent() throws ClientError {
        String gone = UUID.randomUUID().toString();
        assertEquals("the user no longer exists",
                assertThrows(ClientError.class, () -> tokens.issue(gone, 1, event(gone))).getMessage());
        String ada = user();
        redis.incr(keys.credential(ada));
        assertEquals(RefreshTokens.REVOKED, assertThrows(ClientError.class, () -> tokens.issue(ada, 1, event(ada))).getMessage(),
                "tokens signed under version 1 while the password changed to version 2");
        assertEquals(0, redis.xlen(keys.outbox()));
    }

    @Test
    void aRotatedTokenIsDeadAndTheNewOneContinuesItsFamily() throws ClientError {
        String ada = user();
        String first = tokens.issue(ada, 1, event(ada));
        RefreshTokens.Stored firstStored = tokens.find(first).orElseThrow();
        String second = tokens.rotate(firstStored, first, 1, event(ada));
        assertNotEquals(first, second);
        assertEquals(firstStored.family(), tokens.find(second).orElseThrow().family());
        String third = tokens.rotate(tokens.find(second).orElseThrow(), second, 1, event(ada));
        assertEquals(3, redis.xlen(keys.outbox()));
        assertNotEquals(tokens.find(tokens.issue(ada, 1, event(ada))).orElseThrow().family(), firstStored.family(),
                "another login starts another family");
        tokens.rotate(tokens.find(third).orElseThrow(), third, 1, event(ada));
    }

    @Test
    void aUsedTokenPresentedAgainRevokesItsWholeFamilyButNoOtherLogin() throws ClientError {
        String ada = user();
        String stolen = tokens.issue(ada, 1, event(ada));
        String otherLogin = tokens.issue(ada, 1, event(ada));
        RefreshTokens.Stored stored = tokens.find(stolen).orElseThrow();
        String legit = tokens.rotate(stored, stolen, 1, event(ada));

        assertEquals(RefreshTokens.REUSED, assertThrows(ClientError.class, () -> tokens.rotate(stored, stolen, 1, event(ada))).getMessage());
        assertEquals(RefreshTokens.REVOKED,
                assertThrows(ClientError.class, () -> tokens.rotate(tokens.find(legit).orElseThrow(), legit, 1, event(ada))).getMessage(),
                "the newest token of the family is dead too");
        assertEquals(RefreshTokens.REVOKED, assertThrows(ClientError.class, () -> tokens.rotate(stored, stolen, 1, event(ada))).getMessage());
        tokens.rotate(tokens.find(otherLogin).orElseThrow(), otherLogin, 1, event(ada));
        long ttl = redis.pttl(keys.refreshFamilyRevoked(stored.family()));
        assertTrue(ttl > 50_000 && ttl <= 60_000, "the family stays revoked as long as any of its tokens could live: " + ttl);
        assertEquals(4, redis.xlen(keys.outbox()), "two logins and two rotations: refused rotations queue no event");
    }

    @Test
    void aPasswordChangeKillsEveryTokenOfTheUserAndNoOtherUsers() throws ClientError {
        String ada = user();
        String grace = user();
        String first = tokens.issue(ada, 1, event(ada));
        String second = tokens.issue(ada, 1, event(ada));
        String graces = tokens.issue(grace, 1, event(grace));
        redis.incr(keys.credential(ada));
        for (String token : List.of(first, second)) {
            assertEquals(RefreshTokens.REVOKED,
                    assertThrows(ClientError.class, () -> tokens.rotate(tokens.find(token).orElseThrow(), token, 2, event(ada))).getMessage());
        }
        tokens.rotate(tokens.find(graces).orElseThrow(), graces, 1, event(grace));
    }

    @Test
    void anotherUsersOrFamilysTokenCannotBeRotatedAndStaysValid() throws ClientError {
        String ada = user();
        String grace = user();
        String adas = tokens.issue(ada, 1, event(ada));
        RefreshTokens.Stored real = tokens.find(adas).orElseThrow();
        assertEquals(RefreshTokens.EXPIRED, assertThrows(ClientError.class,
                () -> tokens.rotate(new RefreshTokens.Stored(grace, real.family(), 1), adas, 1, event(grace))).getMessage());
        assertEquals(RefreshTokens.EXPIRED, assertThrows(ClientError.class,
                () -> tokens.rotate(new RefreshTokens.Stored(ada, "another-family", 1), adas, 1, event(ada))).getMessage());
        tokens.rotate(real, adas, 1, event(ada));
    }

    @Test
    void aDeletedUsersTokenIsRefused() throws ClientError {
        String ada = user();
        String token = tokens.issue(ada, 1, event(ada));
        redis.del(keys.credential(ada));
        assertEquals("the user no longer exists",
                assertThrows(ClientError.class, () -> tokens.rotate(tokens.find(token).orElseThrow(), token, 1, event(ada))).getMessage());
    }

    private String user() {
        String id = UUID.randomUUID().toString();
        redis.hset(keys.user(id), "id", id);
        redis.set(keys.credential(id), "1");
        return id;
    }

    private static CloudEvent event(String userId) {
        StoredUser user = new StoredUser(userId, "ada", "ada@example.org", "Ada", "Lovelace", 5, "hash", Instant.now());
        return TokenEvents.tokenIssued(user, new IssuedToken("jwt", UUID.randomUUID().toString(), Instant.now(),
                Instant.now().plusSeconds(900)));
    }
}
