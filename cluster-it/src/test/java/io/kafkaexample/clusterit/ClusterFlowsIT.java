package io.kafkaexample.clusterit;

import static io.kafkaexample.testsupport.Events.newId;
import static io.kafkaexample.testsupport.Events.tokenIssued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.auth.CredentialVersions;
import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.TestRedis;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.TopicWatcher;
import io.kafkaexample.testsupport.UsersClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The three services on the test stack's Redis Cluster: every script of a flow runs there, in its service's slot. */
class ClusterFlowsIT {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @Test
    void everyServiceIsReadyOnTheCluster() {
        for (String url : List.of(TestStack.producerUrl(), TestStack.consumerUrl(), TestStack.retryUrl())) {
            URI base = URI.create(url);
            JsonObject health = Http.json(Http.get(base.getScheme() + "://" + base.getAuthority() + "/health/ready").body());
            JsonObject redis = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> "redis".equals(c.getString("name"))).findFirst().orElseThrow();
            assertEquals("UP", redis.getString("status"), url + ": " + health);
            assertTrue(redis.getJsonObject("data").getString("url").startsWith("redis-cluster://"), url + ": " + redis);
        }
    }

    @Test
    void aSignedUpUserAndItsLoginReachTheReadModel() throws InterruptedException {
        String username = UsersClient.uniqueName("cluster");
        String id = UsersClient.signUp(username);
        assertEquals("1", TestRedis.CLUSTER.client().get(CredentialVersions.key(id)), "the producer wrote its user to the cluster");
        UsersClient.login(username, UsersClient.PASSWORD);

        JsonObject user = Readers.awaitUser(id, u -> u.getInt("tokensIssued") == 1, WAIT);
        assertEquals(username, user.getString("username"));
    }

    @Test
    void aTokenOfAUserWhoNeverExistsIsRetriedThenDeadLetteredOnce() throws Exception {
        try (var redeliveries = new TopicWatcher(Topics.CONSUMER_SVC_REDELIVERY); var deadLetters = new TopicWatcher(Topics.DEAD_LETTER_QUEUE)) {
            String userId = newId();
            KafkaProbe.send(Topics.ISSUED_TOKEN, userId, tokenIssued(newId(), userId, "ghost", Instant.now()));

            ConsumerRecord<String, String> letter = deadLetters.await(r -> userId.equals(r.key()), WAIT);
            // the consumer's script ran and found no user: not a Redis error, which would be retried alike
            String error = RetryHeaders.get(letter.headers(), RetryHeaders.ERROR_CLASS).orElse("");
            assertTrue(error.endsWith("UnknownUserException"), "failed for the missing user, not for " + error);
            int attempts = RetryHeaders.attempts(letter.headers());
            assertTrue(attempts > 1, "retried before it was given up: " + attempts + " attempts");
            Duration settle = Duration.ofSeconds(3);
            assertEquals(1, deadLetters.all(r -> userId.equals(r.key()), settle).size(), "one dead letter");
            assertEquals(attempts - 1, redeliveries.all(r -> userId.equals(r.key()), settle).size(), "one redelivery per retry");
        }
    }
}
