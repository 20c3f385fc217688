package io.kafkaexample.producer.outbox;

import static io.kafkaexample.testsupport.UsersClient.signUp;
import static io.kafkaexample.testsupport.UsersClient.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.TopicWatcher;
import io.kafkaexample.testsupport.asyncapi.RecordContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxIT {

    @Test
    void aUserCreatedWhileKafkaIsDownIsPublishedOnceKafkaIsBackExactlyOnce() {
        try (var created = new TopicWatcher(Topics.NEW_USER_CREATED)) {
            TestStack.stack("down", "kafka");
            String id;
            try {
                id = signUp(uniqueName("offline"));
            } finally {
                TestStack.stack("up", "--no-build", "kafka");
            }
            created.reconnect();
            RecordContract.assertConforms(created.await(r -> id.equals(r.key()), Duration.ofSeconds(90)));
            assertEquals(1, created.all(r -> id.equals(r.key()), Duration.ofSeconds(5)).size(),
                    "the event of a user created while Kafka was down must be published exactly once");
        }
    }
}
