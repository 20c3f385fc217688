package io.kafkaexample.producer.throttle;

import static io.kafkaexample.testsupport.UsersClient.PASSWORD;
import static io.kafkaexample.testsupport.UsersClient.adminToken;
import static io.kafkaexample.testsupport.UsersClient.callFrom;
import static io.kafkaexample.testsupport.UsersClient.createUserMutation;
import static io.kafkaexample.testsupport.UsersClient.error;
import static io.kafkaexample.testsupport.UsersClient.signUp;
import static io.kafkaexample.testsupport.UsersClient.uniqueAddress;
import static io.kafkaexample.testsupport.UsersClient.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Brute force and batching attacks on login and sign-up, against the test stack's limits (it.env: 5 failures
 * per username, 20 per address, 5 sign-ups per address, each per minute).
 */
class ThrottleIT {

    private static final String WRONG = "wrong username or password";

    @Test
    void fiftyWrongPasswordsLockTheUsernameAfterFiveWhateverTheAddress() {
        String victim = uniqueName("victim");
        signUp(victim);
        String attacker = uniqueAddress();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(error(callFrom(attacker, login(victim, "guess-number-" + i), null)));
        }
        assertEquals(List.of(WRONG, WRONG, WRONG, WRONG, WRONG), answers.subList(0, 5));
        assertTrue(answers.subList(5, 50).stream().allMatch(a -> a.startsWith("too many failed logins for this username: try again in ")),
                answers.get(5));
        JsonObject owner = callFrom(uniqueAddress(), login(victim, PASSWORD), null);
        assertThrottled(owner, "too many failed logins for this username");
        assertTrue(owner.getJsonObject("data").isNull("login"), "no token while the username is throttled");
    }

    @Test
    void failuresFromOneAddressAcrossUsernamesThrottleThatAddressOnly() {
        String ada = uniqueName("ada");
        signUp(ada);
        String attacker = uniqueAddress();
        for (int i = 0; i < 20; i++) {
            assertEquals(WRONG, error(callFrom(attacker, login(uniqueName("nobody"), "guess-" + i), null)));
        }
        assertThrottled(callFrom(attacker, login(ada, PASSWORD), null), "too many failed logins from your address");
        assertFalse(callFrom(uniqueAddress(), login(ada, PASSWORD), null).getJsonObject("data").isNull("login"),
                "another address logs in");
    }

    @Test
    void signUpsAreLimitedPerAddressButNotForAnAdministrator() {
        String address = uniqueAddress();
        for (int i = 0; i < 5; i++) {
            String name = uniqueName("many");
            assertFalse(callFrom(address, createUserMutation(name, name + "@example.org", PASSWORD, null), null)
                    .getJsonObject("data").isNull("createUser"));
        }
        String sixth = uniqueName("many");
        assertThrottled(callFrom(address, createUserMutation(sixth, sixth + "@example.org", PASSWORD, null), null),
                "too many sign-ups from your address");
        assertFalse(callFrom(address, createUserMutation(sixth, sixth + "@example.org", PASSWORD, null), adminToken())
                .getJsonObject("data").isNull("createUser"), "an administrator's createUser is not a sign-up");
    }

    @Test
    void aHundredAliasedLoginsInOneRequestCheckOnePassword() {
        String ada = uniqueName("alias");
        signUp(ada);
        StringBuilder document = new StringBuilder("mutation {");
        for (int i = 0; i < 100; i++) {
            document.append(" l").append(i).append(": login(username: \"").append(ada).append("\", password: \"guess-")
                    .append(i).append("\") { token }");
        }
        JsonObject answer = callFrom(uniqueAddress(), document.append(" }").toString(), null);
        List<JsonObject> errors = answer.getJsonArray("errors").getValuesAs(JsonObject.class);
        assertEquals(100, errors.size());
        assertEquals(1, errors.stream().filter(e -> WRONG.equals(e.getString("message"))).count(), "one password checked");
        assertEquals(99, errors.stream().filter(e -> "one-auth-field-per-request".equals(code(e))).count());
        assertTrue(errors.get(1).getString("message").startsWith("only one login, refreshToken, changePassword or createUser per request"));

    }

    @Test
    void tooDeepOrTooLargeDocumentsAreRefusedBeforeTheyRun() {
        String deep = "{ __schema { types { fields { type { " + "ofType { ".repeat(12) + "name" + " }".repeat(12) + " } } } } }";
        assertEquals("the document nests 17 levels deep; at most 15 are allowed", error(callFrom(uniqueAddress(), deep, null)));
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 600; i++) {
            wide.append(" r").append(i).append(": __typename");
        }
        assertEquals("the document asks for 600 fields (fragments counted where they are spread); at most 500 are allowed",
                error(callFrom(uniqueAddress(), wide.append(" }").toString(), null)));
        StringBuilder bomb = new StringBuilder("{ ...F40 } fragment F0 on Query { __typename }");
        for (int i = 1; i <= 40; i++) {
            bomb.append(" fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }
        assertTrue(error(callFrom(uniqueAddress(), bomb.toString(), null)).startsWith("the document asks for 1099511627776 fields"));
    }

    @Test
    void twoAliasedSignUpsInOneRequestCreateOneUser() {
        String first = uniqueName("twin");
        String second = uniqueName("twin");
        JsonObject twins = callFrom(uniqueAddress(), "mutation { a: " + field(createUserMutation(first, first + "@example.org", PASSWORD, null))
                + " b: " + field(createUserMutation(second, second + "@example.org", PASSWORD, null)) + " }", null);
        assertFalse(twins.getJsonObject("data").isNull("a"));
        assertTrue(twins.getJsonObject("data").isNull("b"), "the second sign-up of the request did not run: " + twins);
        assertEquals("one-auth-field-per-request", code(twins.getJsonArray("errors").getJsonObject(0)));
    }

    /** The one root field of a mutation document, to alias it in another. */
    private static String field(String mutation) {
        return mutation.substring("mutation { ".length(), mutation.length() - " }".length());
    }

    private static String login(String username, String password) {
        return "mutation { login(username: \"" + username + "\", password: \"" + password + "\") { token } }";
    }

    private static void assertThrottled(JsonObject answer, String message) {
        JsonObject error = answer.getJsonArray("errors").getJsonObject(0);
        assertTrue(error.getString("message").startsWith(message + ": try again in "), error.toString());
        JsonObject extensions = error.getJsonObject("extensions");
        assertEquals("too-many-attempts", extensions.getString("code"));
        int retryAfter = extensions.getInt("retryAfterSeconds");
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "within the test stack's one-minute window: " + retryAfter);
    }

    private static String code(JsonObject error) {
        JsonObject extensions = error.getJsonObject("extensions");
        return extensions == null || !extensions.containsKey("code") ? null : extensions.getString("code");
    }
}
