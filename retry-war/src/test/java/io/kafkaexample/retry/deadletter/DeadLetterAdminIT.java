package io.kafkaexample.retry.deadletter;

import static io.kafkaexample.retry.RetryClient.WAIT;
import static io.kafkaexample.retry.RetryClient.await;
import static io.kafkaexample.retry.RetryClient.consumerUser;
import static io.kafkaexample.retry.RetryClient.retry;
import static io.kafkaexample.testsupport.Events.newId;
import static io.kafkaexample.testsupport.Events.tokenIssued;
import static io.kafkaexample.testsupport.Events.userCreated;
import static io.kafkaexample.testsupport.UsersClient.PASSWORD;
import static io.kafkaexample.testsupport.UsersClient.adminToken;
import static io.kafkaexample.testsupport.UsersClient.error;
import static io.kafkaexample.testsupport.UsersClient.login;
import static io.kafkaexample.testsupport.UsersClient.signUp;
import static io.kafkaexample.testsupport.UsersClient.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.UsersClient;
import io.kafkaexample.testsupport.TopicWatcher;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Reading, replaying and discarding dead letters through retry-svc's GraphQL API. */
class DeadLetterAdminIT {

    @Test
    void anAdminReplaysADeadLetterWithAFreshCountAndOnlyOnce() throws Exception {
        String userId = newId();
        String letterId = deadLetterFor(userId, tokenIssued(newId(), userId, "late", Instant.now()));
        JsonObject listed = letter(letterId);
        assertEquals("issued-token", listed.getString("originTopic"));
        assertEquals("consumer-svc", listed.getString("group"));
        assertEquals(4, listed.getInt("attempts"));
        assertTrue(listed.isNull("replayedAt"));

        String replay = "mutation { replayDeadLetters(ids: [\"" + letterId + "\"]) { replayed skipped { id reason } } }";
        assertEquals("this operation needs a token: send 'Authorization: Bearer <token>' from login", error(retry(replay)));
        String userToken = login(signUpUser(), PASSWORD).getString("token");
        assertEquals("this operation is for administrators only (role ADMIN or SUPER_ADMIN)", error(retry(replay, userToken)));
        assertTrue(letter(letterId).isNull("replayedAt"), "a refused replay must change nothing");

        // the user now exists, so the replayed token is applied
        KafkaProbe.send(Topics.NEW_USER_CREATED, userId, userCreated(newId(), userId, "late" + userId.substring(0, 8)));
        String admin = adminToken();
        JsonObject result = data(retry(replay, admin), "replayDeadLetters");
        assertEquals(List.of(letterId), result.getJsonArray("replayed").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        await("the replayed token applied", WAIT, () -> {
            var user = consumerUser(userId);
            return user != null && user.getInt("tokensIssued") == 1;
        });
        assertFalse(letter(letterId).isNull("replayedAt"));

        JsonObject again = data(retry(replay, admin), "replayDeadLetters");
        assertEquals(0, again.getJsonArray("replayed").size());
        assertTrue(again.getJsonArray("skipped").getJsonObject(0).getString("reason").startsWith("already replayed"), again.toString());
        Thread.sleep(1000);
        assertEquals(1, consumerUser(userId).getInt("tokensIssued"));
    }

    @Test
    void anAdminReplaysTheDeadLettersOfATimeRange() throws Exception {
        String userId = newId();
        var letter = deadLetterRecordFor(userId, tokenIssued(newId(), userId, "ranged", Instant.now()));
        KafkaProbe.send(Topics.NEW_USER_CREATED, userId, userCreated(newId(), userId, "ranged" + userId.substring(0, 8)));
        Instant at = Instant.ofEpochMilli(letter.timestamp());

        String replay = "mutation { replayDeadLettersOf(topic: \"issued-token\", from: \"" + at + "\", to: \"" + at.plusMillis(1)
                + "\") { replayed skipped { id reason } } }";
        assertTrue(error(retry(replay, login(signUpUser(), PASSWORD).getString("token"))).startsWith("this operation is for administrators"));
        JsonObject result = data(retry(replay, adminToken()), "replayDeadLettersOf");

        assertTrue(result.getJsonArray("replayed").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(id -> id.getString().equals(letter.partition() + "-" + letter.offset())), result.toString());
        await("the replayed token applied", WAIT, () -> {
            var user = consumerUser(userId);
            return user != null && user.getInt("tokensIssued") == 1;
        });
        assertEquals("'from' must be before 'to'", error(retry("mutation { replayDeadLettersOf(topic: \"issued-token\", from: \""
                + at + "\", to: \"" + at + "\") { replayed } }", adminToken())));
    }

    @Test
    void aDiscardedLetterIsNoLongerListedNorReplayed() throws Exception {
        String key = newId();
        String letterId = deadLetterFor(key, "{broken");
        String admin = adminToken();

        String discard = "mutation { discardDeadLetters(ids: [\"" + letterId + "\"]) }";
        assertTrue(error(retry(discard)).startsWith("this operation needs a token"));
        assertEquals(letterId, retry(discard, admin).getJsonObject("data").getJsonArray("discardDeadLetters").getString(0));

        assertTrue(letters(false).stream().noneMatch(l -> letterId.equals(l.getString("id"))));
        assertTrue(letters(true).stream().anyMatch(l -> letterId.equals(l.getString("id")) && !l.isNull("discardedAt")));
        JsonObject replay = data(retry("mutation { replayDeadLetters(ids: [\"" + letterId + "\"]) { replayed skipped { id reason } } }", admin),
                "replayDeadLetters");
        assertEquals(0, replay.getJsonArray("replayed").size());
        assertTrue(replay.getJsonArray("skipped").getJsonObject(0).getString("reason").startsWith("discarded"), replay.toString());
    }

    @Test
    void lettersHoldRecordValuesSoOnlyAnAdministratorReadsThem() {
        String admins = "this operation is for administrators only (role ADMIN or SUPER_ADMIN)";
        assertEquals("this operation needs a token: send 'Authorization: Bearer <token>' from login",
                error(retry("{ deadLetters(limit: 5) { id value } }")));
        assertEquals(admins, error(retry("{ deadLetters(limit: 5) { id value } }", login(signUpUser(), PASSWORD).getString("token"))));
        data(retry("{ deadLetters(limit: 5) { id value } }", adminToken()), null);
    }

    @Test
    void aDeletedAdministratorsTokenIsRefusedBeforeItExpires() {
        String name = uniqueName("exadmin");
        UsersClient.call(UsersClient.createUserMutation(name, name + "@example.org", PASSWORD, 2), adminToken());
        String token = login(name, PASSWORD).getString("token");
        String discard = "mutation { discardDeadLetters(ids: [\"7-99999999\"]) }";
        assertEquals(List.of(), data(retry(discard, token), null).getJsonArray("discardDeadLetters"));
        assertTrue(UsersClient.call("mutation { deleteUser }", token).getJsonObject("data").getBoolean("deleteUser"));
        assertEquals("the user of this token no longer exists", error(retry(discard, token)));
    }

    @Test
    void badArgumentsGetClearErrors() {
        String admin = adminToken();
        assertEquals("'nope' is not a dead letter id: expected <partition>-<offset>, such as 3-42",
                error(retry("mutation { replayDeadLetters(ids: [\"nope\"]) { replayed } }", admin)));
        assertEquals("limit must be between 1 and 1000", error(retry("{ deadLetters(limit: 0) { id } }", admin)));
        assertEquals("limit must be between 1 and 1000", error(retry("{ pendingRetries(limit: 5000) { id } }")));
        JsonObject missing = data(retry("mutation { replayDeadLetters(ids: [\"7-99999999\"]) { replayed skipped { id reason } } }", admin),
                "replayDeadLetters");
        assertEquals("no such dead letter", missing.getJsonArray("skipped").getJsonObject(0).getString("reason"));
    }

    /** Writes a record the consumer fails on and waits for its dead letter; returns the letter's id. */
    private static String deadLetterFor(String key, String value) throws Exception {
        var letter = deadLetterRecordFor(key, value);
        return letter.partition() + "-" + letter.offset();
    }

    private static ConsumerRecord<String, String> deadLetterRecordFor(String key, String value) throws Exception {
        try (var deadLetters = new TopicWatcher(Topics.DEAD_LETTER_QUEUE)) {
            KafkaProbe.send(Topics.ISSUED_TOKEN, key, value);
            return deadLetters.await(r -> key.equals(r.key()), WAIT);
        }
    }

    private static String signUpUser() {
        String username = uniqueName("plain");
        signUp(username);
        return username;
    }

    private static JsonObject letter(String id) {
        return letters(true).stream().filter(l -> id.equals(l.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("dead letter " + id + " not listed"));
    }

    private static List<JsonObject> letters(boolean includeDiscarded) {
        return data(retry("{ deadLetters(limit: 1000, includeDiscarded: " + includeDiscarded + ") { id originTopic group attempts reason "
                + "replayedAt discardedAt } }", adminToken()), null).getJsonArray("deadLetters").getValuesAs(JsonObject.class);
    }

    private static JsonObject data(JsonObject response, String field) {
        assertFalse(response.containsKey("errors") && !response.isNull("errors"), () -> "unexpected errors: " + response);
        return field == null ? response.getJsonObject("data") : response.getJsonObject("data").getJsonObject(field);
    }
}
