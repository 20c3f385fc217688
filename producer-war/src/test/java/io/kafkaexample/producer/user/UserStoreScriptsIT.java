package io.kafkaexample.producer.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.producer.outbox.Outbox;
import io.kafkaexample.producer.redis.RedisKeys;
import io.kafkaexample.producer.redis.TestKeyspace;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.StreamEntry;

/** The user scripts (user-create, user-update, user-delete) through UserStore, against a real Redis. */
class UserStoreScriptsIT {

    private final AtomicInteger nudges = new AtomicInteger();
    private TestKeyspace space;
    private RedisClient redis;
    private RedisKeys keys;
    private UserStore store;

    @BeforeEach
    void connect() {
        space = new TestKeyspace();
        redis = space.redis();
        keys = space.keys();
        store = new UserStore();
        store.redis = redis;
        store.keys = keys;
        store.outbox = new Outbox(redis, keys, nudges::incrementAndGet);
    }

    @AfterEach
    void clean() {
        space.close();
    }

    @Test
    void createStoresTheUserItsIndexesAndItsEventAndWakesTheRelay() throws ClientError {
        StoredUser ada = create("Ada", "Ada@Example.org");
        assertEquals(Optional.of(ada), store.find(ada.id()));
        assertEquals(Optional.of(ada), store.findByUsername("ADA"));
        assertEquals(ada.id(), redis.get(keys.email("ada@example.org")));
        assertEquals(1, store.count());
        assertEquals(List.of(ada), store.page(0, 10));
        List<StreamEntry> outbox = redis.xrange(keys.outbox(), "-", "+");
        assertEquals(1, outbox.size());
        Map<String, String> entry = outbox.get(0).getFields();
        assertEquals(Topics.NEW_USER_CREATED, entry.get("topic"));
        assertEquals(ada.id(), entry.get("key"));
        assertTrue(entry.get("value").contains("\"user.created\""), entry.get("value"));
        assertEquals(1, nudges.get(), "the outbox wakes its relay after each write");
    }

    @Test
    void aTakenUsernameOrEmailIsRefusedWhateverItsCaseAndWritesNothing() throws ClientError {
        StoredUser ada = create("ada", "ada@example.org");
        List<String> before = space.allKeys();
        StoredUser sameName = user("ADA", "other@example.org");
        assertEquals("the username 'ADA' is taken", assertThrows(ClientError.class,
                () -> store.create(sameName, UserEvents.userCreated(sameName, "USER"))).getMessage());
        StoredUser sameEmail = user("grace", "ADA@example.org");
        assertEquals("a user with the email 'ADA@example.org' exists already", assertThrows(ClientError.class,
                () -> store.create(sameEmail, UserEvents.userCreated(sameEmail, "USER"))).getMessage());
        assertEquals(before.stream().sorted().toList(), space.allKeys().stream().sorted().toList());
        assertEquals(1, redis.xlen(keys.outbox()));
        assertEquals(List.of(ada), store.page(0, 10));
    }

    @Test
    void anUpdateThatChangesTheEmailMovesItsIndexAndFreesTheOldOne() throws ClientError {
        StoredUser ada = create("ada", "ada@example.org");
        store.update(ada.id(), Map.of("email", "lovelace@example.org", "lastName", "King"));
        assertNull(redis.get(keys.email("ada@example.org")));
        assertEquals(ada.id(), redis.get(keys.email("lovelace@example.org")));
        StoredUser updated = store.find(ada.id()).orElseThrow();
        assertEquals("lovelace@example.org", updated.email());
        assertEquals("King", updated.lastName());
        create("grace", "ada@example.org");

        store.update(updated.id(), Map.of("firstName", "Augusta"));
        assertEquals(ada.id(), redis.get(keys.email("lovelace@example.org")), "an update without an email keeps its index");
        assertEquals("Augusta", store.find(ada.id()).orElseThrow().firstName());
    }

    @Test
    void anUpdateToAnotherUsersEmailOrOfAGoneUserIsRefusedAndChangesNothing() throws ClientError {
        StoredUser ada = create("ada", "ada@example.org");
        StoredUser grace = create("grace", "grace@example.org");
        assertEquals("a user with the email 'ADA@example.org' exists already", assertThrows(ClientError.class,
                () -> store.update(grace.id(), Map.of("email", "ADA@example.org", "firstName", "G"))).getMessage());
        assertEquals(Optional.of(grace), store.find(grace.id()));
        assertEquals(grace.id(), redis.get(keys.email("grace@example.org")));
        assertEquals(ada.id(), redis.get(keys.email("ada@example.org")));

        assertTrue(store.delete(grace));
        assertEquals("the user " + grace.id() + " no longer exists", assertThrows(ClientError.class,
                () -> store.update(grace.id(), Map.of("email", "new@example.org"))).getMessage());
        assertNull(redis.get(keys.email("new@example.org")));
    }

    @Test
    void updatesOfOneUsersEmailAtOnceLeaveExactlyTheIndexOfTheEmailItEndsWith() throws Exception {
        StoredUser ada = create("ada", "ada@example.org");
        List<String> emails = new ArrayList<>();
        List<Callable<Void>> updates = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String email = "ada" + i + "@example.org";
            emails.add(email);
            updates.add(() -> {
                try {
                    store.update(ada.id(), Map.of("email", email));
                } catch (ClientError busy) {
                    // allowed: a clear error after many rounds of losing to the others
                    assertTrue(busy.getMessage().endsWith("at the same time: try again"), busy.getMessage());
                }
                return null;
            });
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (var done : pool.invokeAll(updates)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        String last = store.find(ada.id()).orElseThrow().email();
        emails.add("ada@example.org");
        List<String> indexed = emails.stream().filter(e -> ada.id().equals(redis.get(keys.email(e)))).toList();
        assertEquals(List.of(last), indexed, "one index, the user's own email: no address orphaned or kept taken");
    }

    @Test
    void deleteRemovesTheUserItsIndexesAndEveryRefreshTokenOfIt() throws ClientError {
        StoredUser ada = create("ada", "ada@example.org");
        StoredUser grace = create("grace", "grace@example.org");
        giveRefreshTokens(ada, "hash-1", "hash-2");
        giveRefreshTokens(grace, "hash-3");

        assertTrue(store.delete(ada));
        assertEquals(Optional.empty(), store.find(ada.id()));
        assertEquals(Optional.empty(), store.findByUsername("ada"));
        assertNull(redis.get(keys.email("ada@example.org")));
        assertEquals(List.of(grace), store.page(0, 10));
        assertFalse(redis.exists(keys.refreshToken("hash-1")) || redis.exists(keys.refreshToken("hash-2")));
        assertFalse(redis.exists(keys.userRefreshTokens(ada.id())));
        assertEquals(grace.id(), redis.get(keys.refreshToken("hash-3")), "another user's tokens stay");
        assertFalse(store.delete(ada), "a second delete finds nobody");
        create("ada", "ada@example.org");
    }

    @Test
    void aRefreshTokenIssuedAfterTheCallerReadTheSetKeepsTheUserUntilTheCallerReadsAgain() throws ClientError {
        StoredUser ada = create("ada", "ada@example.org");
        giveRefreshTokens(ada, "read-before", "issued-meanwhile");
        RedisScript delete = RedisScript.load(UserStore.class, "user-delete");
        List<String> scriptKeys = List.of(keys.user(ada.id()), keys.username("ada"), keys.email("ada@example.org"),
                keys.users(), keys.userRefreshTokens(ada.id()), keys.refreshToken("read-before"));
        assertEquals("more", delete.eval(redis, scriptKeys, List.of(ada.id(), "read-before")));
        assertFalse(redis.exists(keys.refreshToken("read-before")));
        assertTrue(store.find(ada.id()).isPresent());
        assertTrue(store.delete(ada));
        assertFalse(redis.exists(keys.refreshToken("issued-meanwhile")));
    }

    private void giveRefreshTokens(StoredUser user, String... hashes) {
        for (String hash : hashes) {
            redis.set(keys.refreshToken(hash), user.id());
        }
        redis.sadd(keys.userRefreshTokens(user.id()), hashes);
    }

    private StoredUser create(String username, String email) throws ClientError {
        StoredUser user = user(username, email);
        store.create(user, UserEvents.userCreated(user, "USER"));
        return user;
    }

    private static StoredUser user(String username, String email) {
        return new StoredUser(UUID.randomUUID().toString(), username, email, "Ada", "Lovelace", 5, "hash",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
