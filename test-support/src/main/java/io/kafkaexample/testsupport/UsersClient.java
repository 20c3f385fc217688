package io.kafkaexample.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.UUID;

/** The users API as a client sees it: GraphQL documents over HTTP, nothing of the server's classes. */
public final class UsersClient {

    public static final String PASSWORD = "correct-horse-42";
    public static final String ADMIN_PASSWORD = "adminuser";

    private UsersClient() {
    }

    public static String endpoint() {
        return TestStack.producerUrl() + "/graphql";
    }

    public static JsonObject call(String query, String token) {
        return Http.graphql(endpoint(), query, token);
    }

    public static JsonObject call(String query) {
        return call(query, null);
    }

    /** A username no other test (or earlier run) has used. */
    public static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static String createUserMutation(String username, String email, String password, Integer roleId) {
        return "mutation { createUser(input: {firstName: \"Grace\", lastName: \"Hopper\", username: \"" + username
                + "\", password: \"" + password + "\", email: \"" + email + "\""
                + (roleId == null ? "" : ", roleId: " + roleId) + "}) { id username email firstName lastName role { name } createdAt } }";
    }

    /** Signs up a USER and returns its id. */
    public static String signUp(String username) {
        JsonObject response = call(createUserMutation(username, username + "@example.org", PASSWORD, null));
        return data(response, "createUser").getString("id");
    }

    /** Logs in and returns {token, refreshToken}. */
    public static JsonObject login(String username, String password) {
        return data(call("mutation { login(username: \"" + username + "\", password: \"" + password + "\") { token refreshToken } }"), "login");
    }

    public static String adminToken() {
        return login("admin", ADMIN_PASSWORD).getString("token");
    }

    public static JsonObject data(JsonObject response, String field) {
        assertFalse(response.containsKey("errors") && !response.isNull("errors"), () -> "unexpected errors: " + response);
        return response.getJsonObject("data").getJsonObject(field);
    }

    /** The one error message of a response that must have failed. */
    public static String error(JsonObject response) {
        assertTrue(response.containsKey("errors"), () -> "expected an error, got " + response);
        String message = response.getJsonArray("errors").getJsonObject(0).getString("message");
        assertFalse(message.contains("Exception") || message.contains("\tat ") || message.contains("Server Error"),
                () -> "the message leaks internals or says nothing: " + message);
        return message;
    }
}
