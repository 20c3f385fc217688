package io.kafkaexample.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.UsersClient;
import io.kafkaexample.testsupport.asyncapi.RecordContract;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.microshed.testing.ManuallyStartedConfiguration;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.kafka.KafkaConsumerClient;

/**
 * The MicroShed Testing style, in manual mode against the running test stack (the failsafe configuration
 * of this module sets microshed_manual_env and friends): MicroShed gives the application's URL and a Kafka
 * consumer on the service's own topic, and the test drives the service through its public API.
 */
@MicroShedTest
public class ProducerMicroShedIT {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    // earliest: the group's first run must not miss an event published before its partitions were assigned
    @KafkaConsumerClient(keyDeserializer = StringDeserializer.class, valueDeserializer = StringDeserializer.class,
            groupId = "it-microshed", topics = Topics.NEW_USER_CREATED, properties = "auto.offset.reset=earliest")
    public static KafkaConsumer<String, String> consumer;

    @Test
    void pingWhatAtTheApplicationUrl() {
        var response = Http.get(applicationUrl() + "/ping-what");
        assertEquals(200, response.statusCode());
        assertEquals("{\"ok\":\"Pong!\"}", response.body());
    }

    @Test
    void aSignUpThroughTheGraphQLApiPublishesItsUserCreatedEventKeyedByTheUserId() {
        String username = UsersClient.uniqueName("micro");
        String id = UsersClient.data(Http.graphql(applicationUrl() + "/graphql",
                UsersClient.createUserMutation(username, username + "@example.org", UsersClient.PASSWORD, null), null),
                "createUser").getString("id");
        ConsumerRecord<String, String> record = awaitRecordKeyed(id);
        JsonObject event = Http.json(record.value());
        assertEquals("user.created", event.getString("type"));
        assertEquals("/producer-svc", event.getString("source"));
        assertEquals("1.0", event.getString("specversion"));
        assertEquals(id, event.getJsonObject("data").getString("id"));
        assertEquals(username, event.getJsonObject("data").getString("username"));
        RecordContract.assertConforms(record);
    }

    private static ConsumerRecord<String, String> awaitRecordKeyed(String key) {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    return record;
                }
            }
        }
        throw new AssertionError("no record keyed " + key + " on " + Topics.NEW_USER_CREATED + " within " + EVENT_TIMEOUT);
    }

    /** MicroShed builds https URLs when it can; the services speak plain HTTP behind their proxy. */
    private static String applicationUrl() {
        return "http://" + ManuallyStartedConfiguration.getHostname() + ":"
                + ManuallyStartedConfiguration.getHttpPort() + ManuallyStartedConfiguration.getBasePath();
    }
}
