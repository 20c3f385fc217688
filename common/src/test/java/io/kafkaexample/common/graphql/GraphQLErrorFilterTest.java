package io.kafkaexample.common.graphql;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphQLErrorFilterTest {

    @Test
    void acceptsGraphQLRequests() {
        assertNull(problem("{\"query\":\"{ ready }\"}"));
        assertNull(problem("{\"query\":\"{ ready }\",\"variables\":{}}"));
        assertNull(problem("{\"query\":\"{ ready }\",\"variables\":null}"));
    }

    @Test
    void explainsWhatIsWrongWithAnythingElse() {
        assertTrue(problem("not json").startsWith("the request body is not JSON"));
        assertTrue(problem("[1]").contains("JSON object"));
        assertNotNull(problem("{\"variables\":{}}"));
        assertTrue(problem("{\"query\":42}").contains("no \"query\" string"));
        assertTrue(problem("{\"query\":\"{ ready }\",\"variables\":[1]}").contains("variables"));
    }

    private static String problem(String body) {
        return GraphQLErrorFilter.problemWith(body.getBytes(StandardCharsets.UTF_8));
    }
}
