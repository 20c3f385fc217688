package io.kafkaexample.retry.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.RetryHeaders;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class FailedMessageTest {

    @Test
    void readsTheRetryHeadersOfASideTopicRecord() {
        var record = sideRecord("key-1", "{\"v\":1}");
        RetryHeaders.set(record.headers(), RetryHeaders.ORIGIN_TOPIC, "issued-token");
        RetryHeaders.set(record.headers(), RetryHeaders.ATTEMPTS, "3");
        RetryHeaders.set(record.headers(), RetryHeaders.RETRYABLE, "false");
        RetryHeaders.set(record.headers(), RetryHeaders.REPLY_TO, "consumer-svc-redelivery");
        RetryHeaders.set(record.headers(), RetryHeaders.GROUP, "consumer-svc");
        RetryHeaders.set(record.headers(), RetryHeaders.ERROR_CLASS, "com.example.UnknownUserException");
        RetryHeaders.set(record.headers(), RetryHeaders.ERROR_MESSAGE, "no such user");

        FailedMessage message = FailedMessage.from(record);

        assertEquals("issued-token", message.originTopic());
        assertEquals(3, message.attempts());
        assertFalse(message.retryable());
        assertEquals(Optional.of("consumer-svc-redelivery"), message.replyTo());
        assertEquals("consumer-svc", message.group());
        assertEquals("UnknownUserException: no such user", message.error());
        assertEquals("side-topic-for-retry-5@77", message.sidePosition());
        assertEquals(FailedMessage.idOf("issued-token", "{\"v\":1}"), message.id());
    }

    @Test
    void aRecordWithoutTheContractsHeadersStillYieldsAMessageWithNowhereToGo() {
        FailedMessage message = FailedMessage.from(sideRecord(null, "garbage"));

        assertEquals(1, message.attempts());
        assertTrue(message.retryable());
        assertEquals(Optional.empty(), message.replyTo());
        assertEquals("side-topic-for-retry", message.originTopic());
    }

    @Test
    void theIdDependsOnTopicAndValueOnly() {
        String id = FailedMessage.idOf("issued-token", "v");
        assertEquals(32, id.length());
        assertEquals(id, FailedMessage.idOf("issued-token", "v"));
        assertNotEquals(id, FailedMessage.idOf("new-user-created", "v"));
        assertNotEquals(id, FailedMessage.idOf("issued-token", "w"));
        // the separator keeps ("ab", "c") and ("a", "bc") apart
        assertNotEquals(FailedMessage.idOf("ab", "c"), FailedMessage.idOf("a", "bc"));
    }

    private static ConsumerRecord<String, String> sideRecord(String key, String value) {
        return new ConsumerRecord<>("side-topic-for-retry", 5, 77, key, value);
    }
}
