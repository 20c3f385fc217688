package io.kafkaexample.clusterit;

import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.TestStack;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;

/** The consumer's read model as a client reads it. */
final class Readers {

    private Readers() {
    }

    /** Polls the read model until the user is there and {@code condition} holds; fails after {@code timeout}. */
    static JsonObject awaitUser(String id, Predicate<JsonObject> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            JsonObject data = Http.graphql(TestStack.consumerUrl() + "/graphql",
                    "{ user(id: \"" + id + "\") { id username tokensIssued } }").getJsonObject("data");
            if (data != null && !data.isNull("user") && condition.test(last = data.getJsonObject("user"))) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("user " + id + " did not reach the expected state in the read model; last seen: " + last);
    }
}
