package io.kafkaexample.producer.user;

import static io.kafkaexample.testsupport.UsersClient.PASSWORD;
import static io.kafkaexample.testsupport.UsersClient.adminToken;
import static io.kafkaexample.testsupport.UsersClient.call;
import static io.kafkaexample.testsupport.UsersClient.createUserMutation;
import static io.kafkaexample.testsupport.UsersClient.data;
import static io.kafkaexample.testsupport.UsersClient.error;
import static io.kafkaexample.testsupport.UsersClient.login;
import static io.kafkaexample.testsupport.UsersClient.signUp;
import static io.kafkaexample.testsupport.UsersClient.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.UsersClient;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.TopicWatcher;
import io.kafkaexample.testsupport.asyncapi.RecordContract;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class UsersApiIT {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void signUpAndLoginPublishTheirCloudEventsKeyedByUserWithoutSecrets() {
        try (var created = new TopicWatcher(Topics.NEW_USER_CREATED); var issued = new TopicWatcher(Topics.ISSUED_TOKEN)) {
            String username = uniqueName("ada");
            String id = signUp(username);
            JsonObject tokens = login(username, PASSWORD);

            ConsumerRecord<String, String> userRecord = created.await(r -> id.equals(r.key()), EVENT_TIMEOUT);
            JsonObject userEvent = Http.json(userRecord.value());
            assertEquals("1.0", userEvent.getString("specversion"));
            assertEquals("user.created", userEvent.getString("type"));
            assertEquals("/producer-svc", userEvent.getString("source"));
            assertEquals("application/json", userEvent.getString("datacontenttype"));
            JsonObject user = userEvent.getJsonObject("data");
            assertEquals(Set.of("id", "username", "email", "firstName", "lastName", "role", "createdAt"), user.keySet());
            assertEquals(id, user.getString("id"));
            assertEquals(username, user.getString("username"));
            assertEquals("USER", user.getString("role"));

            ConsumerRecord<String, String> tokenRecord = issued.await(r -> id.equals(r.key()), EVENT_TIMEOUT);
            JsonObject tokenEvent = Http.json(tokenRecord.value());
            assertEquals("token.issued", tokenEvent.getString("type"));
            JsonObject token = tokenEvent.getJsonObject("data");
            assertEquals(Set.of("userId", "username", "tokenId", "issuedAt", "expiresAt"), token.keySet());
            assertEquals(id, token.getString("userId"));
            assertNotEquals(userEvent.getString("id"), tokenEvent.getString("id"));
            RecordContract.assertConforms(userRecord);
            RecordContract.assertConforms(tokenRecord);

            for (ConsumerRecord<String, String> record : List.of(userRecord, tokenRecord)) {
                String everything = record.value() + headersOf(record);
                for (String secret : List.of(PASSWORD, tokens.getString("token"), tokens.getString("refreshToken"), "PBKDF2", "password")) {
                    assertFalse(everything.contains(secret), () -> "the record on " + record.topic() + " carries a secret: " + secret);
                }
            }
        }
    }

    @Test
    void twoConcurrentSignUpsWithOneUsernameHaveExactlyOneWinner() throws Exception {
        String username = uniqueName("race");
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonObject>> answers = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            String email = username + i + "@example.org";
            Callable<JsonObject> signUp = () -> {
                go.await();
                return call(createUserMutation(username, email, PASSWORD, null));
            };
            answers.add(pool.submit(signUp));
        }
        go.countDown();
        int winners = 0;
        for (Future<JsonObject> answer : answers) {
            JsonObject response = answer.get();
            if (response.containsKey("errors")) {
                assertEquals("the username '" + username + "' is taken", error(response));
            } else {
                winners++;
            }
        }
        pool.shutdown();
        assertEquals(1, winners);
    }

    @Test
    void duplicatesWeakPasswordsAndBadEmailsAreRefusedWithClearMessages() {
        String username = uniqueName("dup");
        signUp(username);
        assertEquals("the username '" + username.toUpperCase() + "' is taken",
                error(call(createUserMutation(username.toUpperCase(), uniqueName("x") + "@example.org", PASSWORD, null))));
        assertEquals("a user with the email '" + username + "@example.org' exists already",
                error(call(createUserMutation(uniqueName("y"), username + "@example.org", PASSWORD, null))));
        assertTrue(error(call(createUserMutation(uniqueName("w"), uniqueName("w") + "@example.org", "short1", null)))
                .contains("at least 10 characters"));
        assertTrue(error(call(createUserMutation(uniqueName("e"), "not-an-email", PASSWORD, null)))
                .startsWith("email is not a valid address"));
        assertTrue(error(call(createUserMutation("x", uniqueName("e") + "@example.org", PASSWORD, null)))
                .startsWith("username must be 3 to 32"));
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetTheSameAnswer() {
        String username = uniqueName("pw");
        signUp(username);
        String wrongPassword = error(call("mutation { login(username: \"" + username + "\", password: \"nope-nope-1\") { token } }"));
        String unknownUser = error(call("mutation { login(username: \"" + uniqueName("ghost") + "\", password: \"" + PASSWORD + "\") { token } }"));
        assertEquals("wrong username or password", wrongPassword);
        assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void onlyAnAdministratorChoosesARoleOrListsUsers() {
        String username = uniqueName("plain");
        signUp(username);
        String userToken = login(username, PASSWORD).getString("token");

        assertTrue(error(call(createUserMutation(uniqueName("boss"), uniqueName("b") + "@example.org", PASSWORD, 1)))
                .startsWith("this operation needs a token"));
        assertTrue(error(call(createUserMutation(uniqueName("boss"), uniqueName("b") + "@example.org", PASSWORD, 1), userToken))
                .startsWith("this operation is for administrators only"));
        assertTrue(error(call("{ users(pagination: {limit: 5, page: 1}) { total } }", userToken))
                .startsWith("this operation is for administrators only"));
        assertTrue(error(call("mutation { createRole(input: {name: \"AUDITOR\", accessLevel: 150}) { id } }", userToken))
                .startsWith("this operation is for administrators only"));

        String admin = adminToken();
        String bossName = uniqueName("boss");
        JsonObject boss = data(call(createUserMutation(bossName, bossName + "@example.org", PASSWORD, 2), admin), "createUser");
        assertEquals("ADMIN", boss.getJsonObject("role").getString("name"));
        JsonObject page = data(call("{ users(pagination: {limit: 2, page: 1}) { users { id username } total } }", admin), "users");
        assertEquals(2, page.getJsonArray("users").size());
        assertTrue(page.getJsonNumber("total").longValue() >= 3);
        assertTrue(error(call("{ users(pagination: {limit: 1000, page: 1}) { total } }", admin)).contains("between 1 and 100"));
    }

    @Test
    void updateUserChangesOnlyTheFieldsGivenAndDeleteUserFreesTheName() {
        String username = uniqueName("upd");
        signUp(username);
        String token = login(username, PASSWORD).getString("token");
        JsonObject updated = data(call("mutation { updateUser(input: {lastName: \"Brewster\"}) { firstName lastName email } }", token), "updateUser");
        assertEquals("Grace", updated.getString("firstName"));
        assertEquals("Brewster", updated.getString("lastName"));
        assertEquals(username + "@example.org", updated.getString("email"));

        assertTrue(call("mutation { deleteUser }", token).getJsonObject("data").getBoolean("deleteUser"));
        assertEquals("the user of this token no longer exists", error(call("{ me { id } }", token)));
        signUp(username);
    }

    @Test
    void malformedRequestsGetGraphQLErrorsNeverA500() {
        assertTrue(error(call("{ me { id ")).contains("Invalid syntax"));
        assertTrue(error(call("{ noSuchField }")).startsWith("the query does not match the schema"));
        assertTrue(error(call("mutation { login(username: 5, password: \"x\") { token } }")).startsWith("the query does not match the schema"));
        var notJson = Http.post(UsersClient.endpoint(), "application/json", "this is not json", null);
        assertEquals(400, notJson.statusCode());
        assertTrue(error(Http.json(notJson.body())).startsWith("the request body is not JSON"));
        var huge = Http.post(UsersClient.endpoint(), "application/json", "{\"query\":\"" + "a".repeat(300_000) + "\"}", null);
        assertEquals(413, huge.statusCode());
    }

    private static String headersOf(ConsumerRecord<String, String> record) {
        StringBuilder text = new StringBuilder();
        for (Header header : record.headers()) {
            text.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8)).append(';');
        }
        return text.toString();
    }
}
