package io.kafkaexample.common.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void anythingElseIsLeftAsItIs() {
        for (String answer : new String[] {"{\"data\":{\"ready\":true}}", "not json {\"errors\"", "[\"errors\"]",
                "{\"errors\":[\"plain\"],\"data\":null}"}) {
            assertEquals(answer, ScrubbedResponse.scrub(answer));
        }
    }
}
