package io.kafkaexample.retry.redelivery;

import static io.kafkaexample.retry.RetryClient.WAIT;
import static io.kafkaexample.retry.RetryClient.attempts;
import static io.kafkaexample.retry.RetryClient.headers;
import static io.kafkaexample.testsupport.Events.newId;
import static io.kafkaexample.testsupport.Events.tokenIssued;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Where retries go: two consumer groups that fail on the same event keep apart, each its own count and its
 * own reply topic; a reply topic that is not in {@code retry.reply-topics} gets nothing, the record is
 * dead-lettered. Nothing reads the two groups' reply topics, so each group's first retry is its only one.
 */
class ReplyTopicsIT {

    @Test
    void eachGroupGetsItsOwnFirstRetryOnItsOwnReplyTopic() throws Exception {
        // allowed by devstack/profiles/it.env's RETRY_REPLY_TOPICS
        String replyA = "retry-it-group-a";
        String replyB = "retry-it-group-b";
        KafkaProbe.ensureTopic(replyA, 1);
        KafkaProbe.ensureTopic(replyB, 1);
        String userId = newId();
        String event = tokenIssued(newId(), userId, "shared", Instant.now());

        try (var watchA = new TopicWatcher(replyA); var watchB = new TopicWatcher(replyB)) {
            KafkaProbe.send(failure(userId, event, "group-a", replyA));
            KafkaProbe.send(failure(userId, event, "group-b", replyB));

            assertOneFirstRetry(watchA, "group-a", userId, event);
            assertOneFirstRetry(watchB, "group-b", userId, event);
        }
    }

    @Test
    void aReplyTopicThatIsNotConfiguredIsRefusedAndTheRecordDeadLettered() throws Exception {
        String userId = newId();
        String event = tokenIssued(newId(), userId, "elsewhere", Instant.now());
        try (var deadLetters = new TopicWatcher(Topics.DEAD_LETTER_QUEUE); var target = new TopicWatcher(Topics.NEW_USER_CREATED)) {
            KafkaProbe.send(failure(userId, event, "group-x", Topics.NEW_USER_CREATED));

            ConsumerRecord<String, String> letter = deadLetters.await(r -> userId.equals(r.key()), WAIT);
            assertEquals(event, letter.value());
            String reason = headers(letter).get(RetryHeaders.DLQ_REASON);
            assertTrue(reason.contains("'" + Topics.NEW_USER_CREATED + "' is not one of retry.reply-topics"), reason);
            assertTrue(target.all(r -> userId.equals(r.key()), Duration.ofSeconds(3)).isEmpty(), "nothing written to the refused topic");
        }
    }

    private static void assertOneFirstRetry(TopicWatcher replyTopic, String group, String userId, String event) {
        replyTopic.await(r -> userId.equals(r.key()), WAIT);
        List<ConsumerRecord<String, String>> got = replyTopic.all(r -> userId.equals(r.key()), Duration.ofSeconds(3));
        assertEquals(1, got.size(), group + ": one redelivery");
        assertEquals(event, got.get(0).value());
        assertEquals(group, headers(got.get(0)).get(RetryHeaders.GROUP));
        assertEquals(1, attempts(got.get(0)), group + ": its own count, not the other group's");
    }

    /** What a consumer of {@code group} sends to the side topic after its first failure on {@code event}. */
    private static ProducerRecord<String, String> failure(String userId, String event, String group, String replyTo) {
        var record = new ProducerRecord<String, String>(Topics.SIDE_TOPIC_FOR_RETRY, userId, event);
        RetryHeaders.set(record.headers(), RetryHeaders.ORIGIN_TOPIC, Topics.ISSUED_TOKEN);
        RetryHeaders.set(record.headers(), RetryHeaders.ORIGIN_PARTITION, "0");
        RetryHeaders.set(record.headers(), RetryHeaders.ORIGIN_OFFSET, "0");
        RetryHeaders.set(record.headers(), RetryHeaders.GROUP, group);
        RetryHeaders.set(record.headers(), RetryHeaders.REPLY_TO, replyTo);
        RetryHeaders.set(record.headers(), RetryHeaders.ATTEMPTS, "1");
        RetryHeaders.set(record.headers(), RetryHeaders.FIRST_FAILURE_AT, Instant.now().toString());
        RetryHeaders.set(record.headers(), RetryHeaders.ERROR_CLASS, "example.GroupFailure");
        RetryHeaders.set(record.headers(), RetryHeaders.ERROR_MESSAGE, "fails in " + group);
        RetryHeaders.set(record.headers(), RetryHeaders.RETRYABLE, "true");
        return record;
    }
}
