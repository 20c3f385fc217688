package io.kafkaexample.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

/** The users API as a client sees it: GraphQL documents over HTTP, nothing of the server's classes. */
public final class UsersClient {

    public static final String PASSWORD = "correct-horse-42";
    public static final String ADMIN_PASSWORD = "adminuser";
    private static final SecureRandom RANDOM = new SecureRandom();

    private UsersClient() {
    }

    public static String endpoint() {
        return TestStack.producerUrl() + "/graphql";
    }

    /**
     * A GraphQL call as a client of its own address (see {@link #callFrom}), so that no test meets the
     * per-address limits on sign-ups and failed logins by chance; the tests of those limits choose one address.
     */
    public static JsonObject call(String query, String token) {
        return callFrom(uniqueAddress(), query, token);
    }

    public static JsonObject call(String query) {
        return call(query, null);
    }

    /**
     * The same as a client at {@code address}, behind the load balancer: the server trusts the
     * {@code X-Forwarded-For} of a loopback peer, as it trusts the balancer's, and throttles per address.
     */
    public static JsonObject callFrom(String address, String query, String token) {
        return Http.graphql(endpoint(), query, token, Map.of("X-Forwarded-For", address));
    }

    /** A random address of the benchmarking range (RFC 2544, 198.18.0.0/15), which no real client has. */
    public static String uniqueAddress() {
        return "198." + (18 + RANDOM.nextInt(2)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
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
        return signUpAt(TestStack.producerUrl(), username);
    }

    /** Signs up a USER through the producer instance at {@code producerUrl} and returns its id. */
    public static String signUpAt(String producerUrl, String username) {
        JsonObject response = Http.graphql(producerUrl + "/graphql", createUserMutation(username, username + "@example.org", PASSWORD, null),
                null, Map.of("X-Forwarded-For", uniqueAddress()));
        return data(response, "createUser").getString("id");
    }

    /** Logs in and returns {token, refreshToken}. */
    public static JsonObject login(String username, String password) {
        return loginAt(TestStack.producerUrl(), username, password);
    }

    /** Logs in through the producer instance at {@code producerUrl} and returns {token, refreshToken}. */
    public static JsonObject loginAt(String producerUrl, String username, String password) {
        return data(Http.graphql(producerUrl + "/graphql", "mutation { login(username: \"" + username + "\", password: \"" + password
                + "\") { token refreshToken } }", null, Map.of("X-Forwarded-For", uniqueAddress())), "login");
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
