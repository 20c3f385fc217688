package io.kafkaexample.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaexample.testsupport.GraphiQLExamples;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.ServiceSmokeTest;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.UsersClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProducerSmokeIT extends ServiceSmokeTest {

    @Override
    protected String failingQuery() {
        return "{ users { total } }";
    }

    @Override
    protected FirstTab firstTab() {
        // SignUp with a username and email that no earlier run took, the rest as the tab has it
        String username = UsersClient.uniqueName("ada");
        JsonObject variables = Json.createObjectBuilder(GraphiQLExamples.tabs().get(0).variables())
                .add("username", username).add("email", username + "@example.org").build();
        return new FirstTab(variables.toString(), "\"username\":\"" + username + "\"");
    }

    @Override
    protected String baseUrl() {
        return TestStack.producerUrl();
    }

    @Test
    void pingWhatAnswersPong() {
        var response = Http.get(baseUrl() + "/ping-what");
        assertEquals(200, response.statusCode());
        assertEquals("Pong!", Http.json(response.body()).getString("ok"));
    }

    @Test
    void everyContractTopicHasEightPartitions() throws Exception {
        Set<String> topics = Files.readAllLines(Path.of(TestStack.topicsFile())).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        Map<String, Integer> expected = topics.stream().collect(Collectors.toMap(Function.identity(), t -> 8));
        assertEquals(5, topics.size(), "the contract has five topics: " + topics);
        assertEquals(expected, KafkaProbe.partitionCounts(topics));
    }
}
