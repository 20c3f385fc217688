package io.kafkaexample.common.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphQLRequestBodyTest {

    private static final String JSON = "application/json";
    private static final String GRAPHQL = "application/graphql; charset=utf-8";

    @Test
    void acceptsGraphQLRequests() {
        assertNull(problem("{\"query\":\"{ ready }\"}", JSON));
        assertNull(problem("{\"query\":\"{ ready }\",\"variables\":{}}", JSON));
        assertNull(problem("{\"query\":\"{ ready }\",\"variables\":null}", null));
        assertNull(problem("{ ready }", GRAPHQL));
    }

    @Test
    void explainsWhatIsWrongWithAnythingElse() {
        assertTrue(problem("not json", JSON).startsWith("the request body is not JSON"));
        assertTrue(problem("[".repeat(100_000) + "]".repeat(100_000), JSON).startsWith("the request body is not JSON"));
        assertTrue(problem("[1]", JSON).contains("JSON object"));
        assertNotNull(problem("{\"variables\":{}}", JSON));
        assertTrue(problem("{\"query\":42}", JSON).contains("no \"query\" string"));
        assertTrue(problem("{\"query\":\"{ ready }\",\"variables\":[1]}", JSON).contains("variables"));
        assertTrue(problem("  ", GRAPHQL).startsWith("the request body is empty"));
        assertEquals("the request body is not UTF-8 text", GraphQLRequestBody.problemWith(new byte[] {'{', (byte) 0xc3, '}'}, GRAPHQL));
    }

    @Test
    void theSizeCapHoldsForEveryContentType() {
        String query = "{ " + "a ".repeat(GraphQLRequestBody.MAX_BYTES / 2) + "}";
        for (String type : new String[] {JSON, GRAPHQL, "text/plain", null}) {
            assertEquals("the request is larger than 256 KB", problem(query, type), String.valueOf(type));
        }
    }

    @Test
    void aQuerySentAsGraphQLReachesTheRuntimeAsJson() {
        byte[] query = "{ user(id: \"a\\\"b\") { id } }".getBytes(StandardCharsets.UTF_8);
        assertEquals("{\"query\":\"{ user(id: \\\"a\\\\\\\"b\\\") { id } }\"}",
                new String(GraphQLRequestBody.asJson(query, GRAPHQL), StandardCharsets.UTF_8));
        byte[] json = "{\"query\":\"{ ready }\"}".getBytes(StandardCharsets.UTF_8);
        assertSame(json, GraphQLRequestBody.asJson(json, JSON), "JSON passes as it is");
    }

    private static String problem(String body, String type) {
        return GraphQLRequestBody.problemWith(body.getBytes(StandardCharsets.UTF_8), type);
    }
}
