package io.kafkaexample.consumer.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.redis.ScriptPipeline;
import io.kafkaexample.consumer.notifications.Notification;
import io.kafkaexample.consumer.readmodel.ReadModel.Outcome;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-model scripts on a real Redis: what EventProcessor relies on when it applies an event. */
class ReadModelScriptsIT extends ScriptsOnRedis {

    private final ReadModel readModel = new ReadModel();

    @BeforeEach
    void readModel() {
        readModel.redis = redis;
    }

    @Test
    void aUserCreatedWritesTheProfileAndNoTokensAndGoesToTheFeed() {
        String userId = newId();
        Map<String, String> profile = profile(userId, "ada");
        String event = newId();
        String entry = entry(event, "user.created", userId);

        assertEquals(Outcome.APPLIED, userCreated(event, userId, profile, entry));

        Map<String, String> expected = new HashMap<>(profile);
        expected.put("tokensIssued", "0");
        assertEquals(Optional.of(expected), readModel.user(userId));
        assertEquals(1, occurrencesInFeed(entry));
    }

    @Test
    void anEventIdSeenTwiceIsAppliedOnce() {
        String userId = newId();
        String created = newId();
        String createdEntry = entry(created, "user.created", userId);
        assertEquals(Outcome.APPLIED, userCreated(created, userId, profile(userId, "grace"), createdEntry));
        assertEquals(Outcome.DUPLICATE, userCreated(created, userId, profile(userId, "changed"), createdEntry));

        String login = newId();
        String loginEntry = entry(login, "token.issued", userId);
        assertEquals(Outcome.APPLIED, tokenIssued(login, userId, "2026-11-20T10:15:30Z", loginEntry));
        assertEquals(Outcome.DUPLICATE, tokenIssued(login, userId, "2026-11-21T10:15:30Z", loginEntry));

        Map<String, String> user = readModel.user(userId).orElseThrow();
        assertEquals("grace", user.get("username"));
        assertEquals("1", user.get("tokensIssued"));
        assertEquals("2026-11-20T10:15:30Z", user.get("lastLoginAt"));
        assertEquals(1, occurrencesInFeed(createdEntry));
        assertEquals(1, occurrencesInFeed(loginEntry));
    }

    @Test
    void aTokenForAnUnknownUserChangesNothingAndAppliesOnceTheUserIsKnown() {
        String userId = newId();
        String login = newId();
        String loginEntry = entry(login, "token.issued", userId);

        // UNKNOWN_USER is what makes EventProcessor throw UnknownUserException, so the event goes to retry
        assertEquals(Outcome.UNKNOWN_USER, tokenIssued(login, userId, "2026-11-20T10:15:30Z", loginEntry));
        assertEquals(Optional.empty(), readModel.user(userId));
        assertFalse(redis.exists(RedisKeys.seen(login)), "the refused event must not count as seen");
        assertEquals(0, occurrencesInFeed(loginEntry));

        String created = newId();
        assertEquals(Outcome.APPLIED, userCreated(created, userId, profile(userId, "late"), entry(created, "user.created", userId)));
        assertEquals(Outcome.APPLIED, tokenIssued(login, userId, "2026-11-20T10:15:30Z", loginEntry));
        assertEquals("1", readModel.user(userId).orElseThrow().get("tokensIssued"));
        assertEquals(1, occurrencesInFeed(loginEntry));
    }

    @Test
    void lastLoginAtOnlyMovesForwardWhileEveryTokenCounts() {
        String userId = newId();
        String created = newId();
        userCreated(created, userId, profile(userId, "barbara"), entry(created, "user.created", userId));
        String later = newId();
        String earlier = newId();
        tokenIssued(later, userId, "2026-11-20T10:15:30Z", entry(later, "token.issued", userId));
        assertEquals(Outcome.APPLIED, tokenIssued(earlier, userId, "2026-11-19T08:00:00Z", entry(earlier, "token.issued", userId)));

        Map<String, String> user = readModel.user(userId).orElseThrow();
        assertEquals("2", user.get("tokensIssued"));
        assertEquals("2026-11-20T10:15:30Z", user.get("lastLoginAt"));
    }

    @Test
    void aSecondUserCreatedOfAUserUpdatesTheProfileAndKeepsTheTokenCount() {
        String userId = newId();
        String first = newId();
        userCreated(first, userId, profile(userId, "edsger"), entry(first, "user.created", userId));
        String login = newId();
        tokenIssued(login, userId, "2026-11-20T10:15:30Z", entry(login, "token.issued", userId));
        String second = newId();

        assertEquals(Outcome.APPLIED, userCreated(second, userId, profile(userId, "dijkstra"), entry(second, "user.created", userId)));

        Map<String, String> user = readModel.user(userId).orElseThrow();
        assertEquals("dijkstra", user.get("username"));
        assertEquals("1", user.get("tokensIssued"));
    }

    @Test
    void aDeletedUserLeavesTheReadModelAndTheFeedAndNoLateEventBringsItBack() {
        String userId = newId();
        String other = newId();
        String created = newId();
        String login = newId();
        userCreated(created, userId, profile(userId, "gone"), entry(created, "user.created", userId));
        tokenIssued(login, userId, "2026-11-20T10:15:30Z", entry(login, "token.issued", userId));
        String othersCreated = newId();
        String othersEntry = entry(othersCreated, "user.created", other);
        userCreated(othersCreated, other, profile(other, "stays"), othersEntry);

        String deleted = newId();
        written.of(deleted, userId);
        assertEquals(Outcome.APPLIED, one(ReadModel.userDeleted(deleted, userId)));
        assertEquals(Optional.empty(), readModel.user(userId));
        assertTrue(redis.lrange(RedisKeys.FEED, 0, -1).stream().noneMatch(e -> e.contains(userId)), "no feed entry names the user");
        assertEquals(1, occurrencesInFeed(othersEntry));
        assertEquals(Outcome.DUPLICATE, one(ReadModel.userDeleted(deleted, userId)));

        String lateCreated = newId();
        assertEquals(Outcome.DELETED, userCreated(lateCreated, userId, profile(userId, "gone"), entry(lateCreated, "user.created", userId)),
                "a redelivered user.created after the deletion");
        String lateLogin = newId();
        assertEquals(Outcome.DELETED, tokenIssued(lateLogin, userId, "2026-11-20T10:16:00Z", entry(lateLogin, "token.issued", userId)),
                "a login before the deletion that arrives after it is not retried");
        assertEquals(Optional.empty(), readModel.user(userId));
        long ttl = redis.ttl(RedisKeys.deleted(userId));
        assertTrue(ttl > ReadModel.SEEN_TTL_SECONDS - 60, "the user stays gone for the retry window: " + ttl);
    }

    @Test
    void theFeedKeepsTheLatestFeedSizeEntries() {
        String userId = newId();
        String created = newId();
        String oldest = entry(created, "user.created", userId);
        userCreated(created, userId, profile(userId, "frances"), oldest);
        String newest = null;
        for (int i = 0; i < ReadModel.FEED_SIZE; i++) {
            String login = newId();
            newest = entry(login, "token.issued", userId);
            tokenIssued(login, userId, Instant.parse("2026-11-20T10:15:30Z").plusSeconds(i).toString(), newest);
        }

        assertEquals(ReadModel.FEED_SIZE, redis.llen(RedisKeys.FEED));
        assertEquals(0, occurrencesInFeed(oldest));
        assertEquals(1, occurrencesInFeed(newest));
        assertEquals(Integer.toString(ReadModel.FEED_SIZE), readModel.user(userId).orElseThrow().get("tokensIssued"));
    }

    @Test
    void theSeenKeyOfAnAppliedEventLivesForTheRetryWindow() {
        String userId = newId();
        String created = newId();
        String login = newId();
        userCreated(created, userId, profile(userId, "radia"), entry(created, "user.created", userId));
        tokenIssued(login, userId, "2026-11-20T10:15:30Z", entry(login, "token.issued", userId));

        for (String event : List.of(created, login)) {
            long ttl = redis.ttl(RedisKeys.seen(event));
            assertTrue(ttl > ReadModel.SEEN_TTL_SECONDS - 60 && ttl <= ReadModel.SEEN_TTL_SECONDS, "TTL " + ttl + " of " + event);
        }
    }

    @Test
    void oneBatchAppliesItsChangesInOrderEachWithItsOwnAnswer() {
        String userId = newId();
        String created = newId();
        String login = newId();
        String stranger = newId();
        String strangersLogin = newId();
        List<ScriptPipeline.Call> batch = List.of(
                tokenIssuedChange(login, userId, "2026-11-20T10:15:30Z", entry(login, "token.issued", userId)),
                userCreatedChange(created, userId, profile(userId, "margaret"), entry(created, "user.created", userId)),
                tokenIssuedChange(login, userId, "2026-11-20T10:15:30Z", entry(login, "token.issued", userId)),
                userCreatedChange(created, userId, profile(userId, "margaret"), entry(created, "user.created", userId)),
                tokenIssuedChange(strangersLogin, stranger, "2026-11-20T10:15:30Z", entry(strangersLogin, "token.issued", stranger)),
                new ScriptPipeline.Call(ReadModel.TOKEN_ISSUED, written.of(newId(), userId), List.of("not a number", "x", "y", "z")));

        List<ReadModel.Answer> answers = readModel.apply(batch);

        assertEquals(List.of(Outcome.UNKNOWN_USER, Outcome.APPLIED, Outcome.APPLIED, Outcome.DUPLICATE, Outcome.UNKNOWN_USER),
                answers.subList(0, 5).stream().map(ReadModel.Answer::outcome).toList(), "in the batch's order");
        assertNull(answers.get(5).outcome());
        assertNotNull(answers.get(5).error(), "a change Redis refuses fails alone, the batch goes on");
        assertEquals("1", readModel.user(userId).orElseThrow().get("tokensIssued"));
    }

    private Outcome userCreated(String eventId, String userId, Map<String, String> profile, String entry) {
        return one(userCreatedChange(eventId, userId, profile, entry));
    }

    private Outcome tokenIssued(String eventId, String userId, String issuedAt, String entry) {
        return one(tokenIssuedChange(eventId, userId, issuedAt, entry));
    }

    private ScriptPipeline.Call userCreatedChange(String eventId, String userId, Map<String, String> profile, String entry) {
        written.of(eventId, userId);
        return ReadModel.userCreated(eventId, userId, profile, written.feedEntry(entry));
    }

    private ScriptPipeline.Call tokenIssuedChange(String eventId, String userId, String issuedAt, String entry) {
        written.of(eventId, userId);
        return ReadModel.tokenIssued(eventId, userId, issuedAt, written.feedEntry(entry));
    }

    private Outcome one(ScriptPipeline.Call change) {
        ReadModel.Answer answer = readModel.apply(List.of(change)).get(0);
        assertNull(answer.error());
        return answer.outcome();
    }

    private long occurrencesInFeed(String entry) {
        return Collections.frequency(redis.lrange(RedisKeys.FEED, 0, -1), entry);
    }

    static Map<String, String> profile(String userId, String username) {
        return Map.of("id", userId, "username", username, "email", username + "@example.org", "firstName", "Katherine",
                "lastName", "Johnson", "role", "USER", "createdAt", "2026-11-20T09:00:00Z");
    }

    static String entry(String eventId, String type, String userId) {
        return new Notification(eventId, type, userId, "someone", "2026-11-20T10:15:30Z").toJson();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
