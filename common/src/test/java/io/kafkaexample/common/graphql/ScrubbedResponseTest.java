package io.kafkaexample.common.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScrubbedResponseTest {

    @Test
    void errorsLoseTheFieldsThatNameClassesAndKeepTheRest() {
        String answer = "{\"errors\":[{\"message\":\"bad password\",\"locations\":[{\"line\":1,\"column\":12}],\"path\":[\"login\"],"
                + "\"extensions\":{\"exception\":\"io.kafkaexample.common.graphql.ClientError\",\"classification\":\"DataFetchingException\","
                + "\"code\":\"client-error\"}}],\"data\":{\"login\":null}}";
        assertEquals("{\"errors\":[{\"message\":\"bad password\",\"locations\":[{\"line\":1,\"column\":12}],\"path\":[\"login\"],"
                + "\"extensions\":{\"classification\":\"DataFetchingException\",\"code\":\"client-error\"}}],\"data\":{\"login\":null}}",
                ScrubbedResponse.scrub(answer));
    }

    @Test
    void theCodeOfAClientErrorMovesFromTheMessageToTheExtensions() {
        String message = ClientError.tooManyAttempts(Duration.ofMillis(41_200), "too many failed logins").getMessage();
        String answer = "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"exception\":\"x.Y\","
                + "\"classification\":\"DataFetchingException\"}}],\"data\":null}";
        assertEquals("{\"errors\":[{\"message\":\"too many failed logins: try again in 42 s\",\"extensions\":{"
                + "\"classification\":\"DataFetchingException\",\"code\":\"too-many-attempts\",\"retryAfterSeconds\":42}}],"
                + "\"data\":null}", ScrubbedResponse.scrub(answer));
        String plain = ClientError.coded("one-auth-field", "one at a time").getMessage();
        assertEquals("{\"errors\":[{\"message\":\"one at a time\",\"extensions\":{\"code\":\"one-auth-field\"}}]}",
                ScrubbedResponse.scrub("{\"errors\":[{\"message\":\"" + plain + "\"}]}"));
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        for (String answer : new String[] {"{\"data\":{\"ready\":true}}", "not json {\"errors\"", "[\"errors\"]",
                "{\"errors\":[\"plain\"],\"data\":null}"}) {
            assertEquals(answer, ScrubbedResponse.scrub(answer));
        }
    }
}
