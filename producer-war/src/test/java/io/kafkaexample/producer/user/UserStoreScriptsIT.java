package io.kafkaexample.producer.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.common.tracing.TraceHeaders;
import io.kafkaexample.common.tracing.Tracing;
import io.kafkaexample.producer.outbox.Outbox;
import io.kafkaexample.producer.redis.RedisKeys;
import io.kafkaexample.producer.redis.TestKeyspace;
import io.kafkaexample.testsupport.OnEveryTestRedis;
import io.kafkaexample.testsupport.TestRedis;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
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
import org.junit.jupiter.params.Parameter;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/** The user scripts (user-create, user-update, user-password, user-delete, credential-version) through UserStore, against a real Redis. */
@OnEveryTestRedis
class UserStoreScriptsIT {

    @Parameter
    TestRedis target;

    private final AtomicInteger nudges = new AtomicInteger();
    private TestKeyspace space;
    private UnifiedJedis redis;
    private RedisKeys keys;
    private UserStore store;

    @BeforeEach
    void connect() {
        space = new TestKeyspace(target);
        redis = space.redis();
        keys = space.keys();
        store = new UserStore();
        store.redis = redis;
        store.keys = keys;
        // tracing on, as far as the outbox is concerned: the W3C propagator (spans of the no-op tracer carry their parent's context)
        var tracing = new Tracing(OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance())));
        store.outbox = new Outbox(redis, keys, nudges::incrementAndGet, tracing);
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
    void theEventKeepsTheTraceContextOfTheRequestThatCreatedTheUser() throws ClientError {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        Span request = Span.wrap(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "x").build()));
        StoredUser traced;
        try (var ignored = request.makeCurrent()) {
            traced = create("traced", "traced@example.org");
        }
        StoredUser untraced = create("untraced", "untraced@example.org");

        List<StreamEntry> outbox = redis.xrange(keys.outbox(), "-", "+");
        assertEquals(traceparent, outbox.get(0).getFields().get(TraceHeaders.TRACEPARENT));
        assertEquals("vendor=x", outbox.get(0).getFields().get(TraceHeaders.TRACESTATE));
        assertEquals("", outbox.get(1).getFields().get(TraceHeaders.TRACEPARENT), "no trace, no context: the fields are there, empty");
        assertEquals("", outbox.get(1).getFields().get(TraceHeaders.TRACESTATE));
        assertEquals(Optional.of(traced), store.find(traced.id()), "the user's fields end where the entry's begin");
        assertEquals(Optional.of(untraced), store.find(untraced.id()));
    }

    @Test
    void aTakenUsernameOrEmailIsRefusedWhateverItsCaseAndWritesNothing() throws ClientError {
        StoredUser ada = create("ada", "ada@example.org");
        List<String> before = space.allKeys();
        StoredUser sameName = user("ADA", "other@example.org");
        assertEquals("the username 'ADA' is taken", assertThrows(ClientError.class,
                () -> store.create(sameName, false, UserEvents.userCreated(sameName, "USER"))).getMessage());
        StoredUser sameEmail = user("grace", "ADA@example.org");
        assertEquals("a user with the email 'ADA@example.org' exists already", assertThrows(ClientError.class,
                () -> store.create(sameEmail, false, UserEvents.userCreated(sameEmail, "USER"))).getMessage());
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
    void deleteRemovesTheUserItsIndexesAndItsCredentialVersion() throws ClientError {
        StoredUser ada = create("ada", "ada@example.org");
        StoredUser grace = create("grace", "grace@example.org");
        assertEquals(Optional.of(1L), store.credentialVersion(ada.id()));

        assertTrue(store.delete(ada));
        assertEquals(Optional.empty(), store.find(ada.id()));
        assertEquals(Optional.empty(), store.findByUsername("ada"));
        assertNull(redis.get(keys.email("ada@example.org")));
        assertEquals(List.of(grace), store.page(0, 10));
        assertFalse(redis.exists(keys.credential(ada.id())), "every token of the user dies with its credential version");
        assertEquals(Optional.empty(), store.credentialVersion(ada.id()), "a deleted user gets no version back");
        assertFalse(redis.exists(keys.credential(ada.id())));
        assertEquals(Optional.of(1L), store.credentialVersion(grace.id()), "another user's version stays");
        List<StreamEntry> outbox = redis.xrange(keys.outbox(), "-", "+");
        Map<String, String> deleted = outbox.get(outbox.size() - 1).getFields();
        assertEquals(Topics.NEW_USER_CREATED, deleted.get("topic"), "on the topic of its user.created, so ordered after it");
        assertEquals(ada.id(), deleted.get("key"));
        assertTrue(deleted.get("value").contains("\"user.deleted\""), deleted.get("value"));
        assertFalse(store.delete(ada), "a second delete finds nobody");
        assertEquals(3, redis.xlen(keys.outbox()), "two created, one deleted: a delete of nobody queues nothing");
        create("ada", "ada@example.org");
    }

    @Test
    void theLastSuperAdminIsNeverDeletedEvenByTwoDeletesAtOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                redis.del(keys.superAdmins());
                StoredUser root = create("root" + round, "root" + round + "@example.org", true);
                StoredUser other = create("other" + round, "other" + round + "@example.org", true);
                List<Callable<Boolean>> deletes = List.of(() -> deleted(root), () -> deleted(other));
                List<Boolean> outcomes = new ArrayList<>();
                for (var future : pool.invokeAll(deletes)) {
                    outcomes.add(future.get());
                }
                assertEquals(1, outcomes.stream().filter(b -> b).count(), "exactly one of two SUPER_ADMINs deleted: " + outcomes);
                assertEquals(1, store.superAdminCount());
                StoredUser last = store.find(root.id()).orElseGet(() -> store.find(other.id()).orElseThrow());
                assertEquals("the last SUPER_ADMIN cannot be deleted: create another SUPER_ADMIN first",
                        assertThrows(ClientError.class, () -> store.delete(last)).getMessage());
                assertTrue(store.find(last.id()).isPresent());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aPasswordChangeRaisesTheCredentialVersionOnlyForThePasswordThatWasRead() throws ClientError {
        StoredUser ada = create("ada", "ada@example.org");
        assertEquals(2, store.changePassword(ada, "hash-2"));
        assertEquals("hash-2", store.find(ada.id()).orElseThrow().passwordHash());
        assertEquals(Optional.of(2L), store.credentialVersion(ada.id()));
        assertEquals("the password was changed by another request meanwhile: log in again",
                assertThrows(ClientError.class, () -> store.changePassword(ada, "hash-3")).getMessage(),
                "a change based on the old hash lost the race");
        assertEquals("hash-2", store.find(ada.id()).orElseThrow().passwordHash());
        store.delete(ada);
        assertEquals("the user no longer exists", assertThrows(ClientError.class, () -> store.changePassword(ada, "x")).getMessage());
        assertFalse(redis.exists(keys.credential(ada.id())), "no version is created for a user that is gone");
    }

    @Test
    void aUserStoredBeforeCredentialVersionsExistedStartsAtOne() throws ClientError {
        StoredUser ada = create("ada", "ada@example.org");
        redis.del(keys.credential(ada.id()));
        assertEquals(Optional.of(1L), store.credentialVersion(ada.id()));
        assertEquals("1", redis.get(keys.credential(ada.id())));
    }

    private boolean deleted(StoredUser user) {
        try {
            return store.delete(user);
        } catch (ClientError e) {
            return false;
        }
    }

    private StoredUser create(String username, String email, boolean superAdmin) throws ClientError {
        StoredUser user = user(username, email);
        store.create(user, superAdmin, UserEvents.userCreated(user, superAdmin ? "SUPER_ADMIN" : "USER"));
        return user;
    }

    private StoredUser create(String username, String email) throws ClientError {
        return create(username, email, false);
    }

    private static StoredUser user(String username, String email) {
        return new StoredUser(UUID.randomUUID().toString(), username, email, "Ada", "Lovelace", 5, "hash",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
