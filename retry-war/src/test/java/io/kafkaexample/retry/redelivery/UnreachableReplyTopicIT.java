package io.kafkaexample.retry.redelivery;

import static io.kafkaexample.retry.RetryClient.await;
import static io.kafkaexample.testsupport.Events.newId;
import static io.kafkaexample.testsupport.Events.tokenIssued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.retry.RetryClient;
import io.kafkaexample.retry.message.FailedMessage;
import io.kafkaexample.retry.store.RedisKeys;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * A reply topic that is allowed but does not exist (the broker creates no topic by itself): each redelivery
 * send fails, is counted, and after {@code retry.max-send-failures} (3 in the test stack) the message is
 * dead-lettered with the reason; a crash of retry-svc in between loses nothing.
 */
class UnreachableReplyTopicIT {

    /** In devstack/profiles/it.env's RETRY_REPLY_TOPICS, and never created. */
    private static final String MISSING = "retry-it-missing";
    // three sends of up to max-block (5 s) each, the waits between them, a restart, and the dead instance's 40 s lease
    private static final Duration WAIT = Duration.ofSeconds(150);

    @Test
    void aReplyTopicThatDoesNotExistIsDeadLetteredAfterTheBoundEvenAcrossACrash() throws Exception {
        String userId = newId();
        String event = tokenIssued(newId(), userId, "nowhere", Instant.now());
        var failed = new ConsumerRecord<>(Topics.ISSUED_TOKEN, 0, 0L, userId, event);
        var handOff = FailedRecord.of(failed, new IllegalStateException("down"), true, "group-missing", MISSING, Instant.now());
        String retryId = FailedMessage.idOf("group-missing", Topics.ISSUED_TOKEN, event.getBytes(StandardCharsets.UTF_8));

        try (var deadLetters = new TopicWatcher(Topics.DEAD_LETTER_QUEUE); var redis = RedisClient.create(TestStack.redisUrl())) {
            KafkaProbe.send(handOff);
            await("a first failed send recorded", WAIT, () -> sendFailures(redis, retryId) >= 1);

            RetryClient.killRetrySvc();
            TestStack.stack("up", "--no-build", "retry");

            ConsumerRecord<String, String> letter = deadLetters.await(r -> userId.equals(r.key()), WAIT);
            String reason = RetryHeaders.get(letter.headers(), RetryHeaders.DLQ_REASON).orElseThrow();
            assertTrue(reason.startsWith("could not be redelivered to " + MISSING + " in 3 sends"), reason);
            assertEquals(event, letter.value());
            // recorded in Redis once the broker has the letter
            await("the state dead-lettered", Duration.ofSeconds(10),
                    () -> "dead-lettered".equals(redis.hget(RedisKeys.LIVE.message(retryId), "state")));
            Thread.sleep(3000);
            assertEquals(1, deadLetters.all(r -> userId.equals(r.key()), Duration.ofSeconds(1)).size(), "one dead letter");
        }
    }

    private static int sendFailures(RedisClient redis, String retryId) {
        String count = redis.hget(RedisKeys.LIVE.message(retryId), "sendFailures");
        return count == null ? 0 : Integer.parseInt(count);
    }
}
