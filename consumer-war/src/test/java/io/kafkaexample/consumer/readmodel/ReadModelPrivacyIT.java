package io.kafkaexample.consumer.readmodel;

import static io.kafkaexample.testsupport.UsersClient.PASSWORD;
import static io.kafkaexample.testsupport.UsersClient.adminToken;
import static io.kafkaexample.testsupport.UsersClient.login;
import static io.kafkaexample.testsupport.UsersClient.signUp;
import static io.kafkaexample.testsupport.UsersClient.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.TopicWatcher;
import io.kafkaexample.testsupport.UsersClient;
import io.kafkaexample.testsupport.asyncapi.RecordContract;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The public read model as an anonymous caller, another user, the user itself and an administrator see it. */
class ReadModelPrivacyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USER = "{ user(id: \"%s\") { id username email firstName lastName role tokensIssued } }";

    @Test
    void onlyTheUserItselfAndAnAdministratorSeeEmailAndNames() throws Exception {
        String username = uniqueName("private");
        String id = signUp(username);
        String own = login(username, PASSWORD).getString("token");
        String stranger = uniqueName("stranger");
        signUp(stranger);
        String other = login(stranger, PASSWORD).getString("token");
        String admin = adminToken();
        awaitUser(id, admin, u -> u.getInt("tokensIssued") == 1);

        for (String caller : new String[] {null, other}) {
            JsonObject seen = user(id, caller);
            assertEquals(username, seen.getString("username"));
            assertTrue(seen.isNull("email") && seen.isNull("firstName") && seen.isNull("lastName"), seen.toString());
        }
        for (String caller : new String[] {own, admin}) {
            assertEquals(username + "@example.org", user(id, caller).getString("email"));
        }

        List<JsonObject> anonymous = notifications(null);
        assertFalse(anonymous.isEmpty());
        assertTrue(anonymous.stream().allMatch(n -> n.isNull("userId") && n.isNull("username")), "whose events: " + anonymous);
        assertTrue(notifications(admin).stream().anyMatch(n -> id.equals(n.getString("userId"))));
    }

    @Test
    void aDeletedUserLeavesTheReadModelAfterItsUserCreatedInOnePartition() throws Exception {
        try (var users = new TopicWatcher(Topics.NEW_USER_CREATED)) {
            String username = uniqueName("leaving");
            String id = signUp(username);
            String token = login(username, PASSWORD).getString("token");
            String admin = adminToken();
            awaitUser(id, admin, u -> u.getInt("tokensIssued") == 1);
            assertTrue(UsersClient.call("mutation { deleteUser }", token).getJsonObject("data").getBoolean("deleteUser"));

            List<ConsumerRecord<String, String>> records = List.of();
            long published = System.nanoTime() + WAIT.toNanos();
            while (records.size() < 2 && System.nanoTime() < published) {
                records = users.all(r -> id.equals(r.key()), Duration.ofSeconds(2));
            }
            assertEquals(2, records.size(), "user.created and user.deleted: " + records);
            ConsumerRecord<String, String> created = records.get(0);
            ConsumerRecord<String, String> deleted = records.get(1);
            assertTrue(created.value().contains("\"user.created\"") && deleted.value().contains("\"user.deleted\""), records.toString());
            assertEquals(created.partition(), deleted.partition());
            assertTrue(created.offset() < deleted.offset(), "user.deleted comes after user.created");
            assertFalse(deleted.value().contains(username), "the deletion carries no more than the id: " + deleted.value());
            RecordContract.assertConforms(created);
            RecordContract.assertConforms(deleted);

            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!Http.graphql(endpoint(), USER.formatted(id), admin).getJsonObject("data").isNull("user")) {
                assertTrue(System.nanoTime() < deadline, "user " + id + " still in the read model");
                Thread.sleep(200);
            }
            assertTrue(notifications(admin).stream().noneMatch(n -> id.equals(n.getString("userId"))), "no notification names the user");
        }
    }

    private static JsonObject awaitUser(String id, String token, Predicate<JsonObject> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            JsonObject data = Http.graphql(endpoint(), USER.formatted(id), token).getJsonObject("data");
            if (!data.isNull("user") && condition.test(last = data.getJsonObject("user"))) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("user " + id + " did not reach the expected state; last seen: " + last);
    }

    private static JsonObject user(String id, String token) {
        return Http.graphql(endpoint(), USER.formatted(id), token).getJsonObject("data").getJsonObject("user");
    }

    private static List<JsonObject> notifications(String token) {
        return Http.graphql(endpoint(), "{ notifications(limit: 200) { eventId type userId username time } }", token)
                .getJsonObject("data").getJsonArray("notifications").getValuesAs(JsonObject.class);
    }

    private static String endpoint() {
        return TestStack.consumerUrl() + "/graphql";
    }
}
