package io.kafkaexample.consumer;

import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.ServiceSmokeTest;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.UsersClient;
import jakarta.json.Json;
import java.time.Duration;

class ConsumerSmokeIT extends ServiceSmokeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    protected String failingQuery() {
        return "{ notifications(limit: 0) { __typename } }";
    }

    @Override
    protected FirstTab firstTab() throws InterruptedException {
        // User, for a user signed up at the producer once the read model has it
        String username = UsersClient.uniqueName("reader");
        String id = UsersClient.signUp(username);
        String query = "{ user(id: \"" + id + "\") { id } }";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (Http.graphql(baseUrl() + "/graphql", query).getJsonObject("data").isNull("user")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("user " + id + " did not reach the read model within " + WAIT);
            }
            Thread.sleep(200);
        }
        return new FirstTab(Json.createObjectBuilder().add("id", id).build().toString(), "\"username\":\"" + username + "\"");
    }

    @Override
    protected String baseUrl() {
        return TestStack.consumerUrl();
    }
}
