package io.kafkaexample.retry.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.RetryHeaders;
import java.nio.charset.StandardCharsets;
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
        RetryHeaders.set(record.headers(), RetryHeaders.FAILED_POSITION, "consumer-svc-redelivery-2@9");

        FailedMessage message = FailedMessage.from(record);

        assertEquals("issued-token", message.originTopic());
        assertEquals(3, message.attempts());
        assertFalse(message.retryable());
        assertEquals(Optional.of("consumer-svc-redelivery"), message.replyTo());
        assertEquals("consumer-svc", message.group());
        assertEquals("UnknownUserException: no such user", message.error());
        assertEquals("side-topic-for-retry-5@77", message.sidePosition());
        assertEquals(Optional.of("consumer-svc-redelivery-2@9"), message.failedPosition());
        assertEquals(FailedMessage.idOf("consumer-svc", "issued-token", bytes("{\"v\":1}")), message.id());
    }

    @Test
    void aRecordWithoutTheContractsHeadersStillYieldsAMessageWithNowhereToGo() {
        FailedMessage message = FailedMessage.from(sideRecord(null, "garbage"));

        assertEquals(1, message.attempts());
        assertTrue(message.retryable());
        assertEquals(Optional.empty(), message.replyTo());
        assertEquals("side-topic-for-retry", message.originTopic());
        assertEquals(Optional.empty(), message.failedPosition());
    }

    @Test
    void theIdDependsOnGroupTopicAndValueOnly() {
        String id = FailedMessage.idOf("consumer-svc", "issued-token", bytes("v"));
        assertEquals(32, id.length());
        assertEquals(id, FailedMessage.idOf("consumer-svc", "issued-token", bytes("v")));
        assertNotEquals(id, FailedMessage.idOf("audit-svc", "issued-token", bytes("v")));
        assertNotEquals(id, FailedMessage.idOf("consumer-svc", "new-user-created", bytes("v")));
        assertNotEquals(id, FailedMessage.idOf("consumer-svc", "issued-token", bytes("w")));
        // the separators keep ("ab", "c") and ("a", "bc") apart, in either place
        assertNotEquals(FailedMessage.idOf("g", "ab", bytes("c")), FailedMessage.idOf("g", "a", bytes("bc")));
        assertNotEquals(FailedMessage.idOf("ab", "c", bytes("v")), FailedMessage.idOf("a", "bc", bytes("v")));
    }

    @Test
    void twoGroupsFailingOnOneRecordHaveTwoIds() {
        var forA = sideRecord("k", "{\"v\":1}");
        RetryHeaders.set(forA.headers(), RetryHeaders.ORIGIN_TOPIC, "issued-token");
        RetryHeaders.set(forA.headers(), RetryHeaders.GROUP, "group-a");
        var forB = sideRecord("k", "{\"v\":1}");
        RetryHeaders.set(forB.headers(), RetryHeaders.ORIGIN_TOPIC, "issued-token");
        RetryHeaders.set(forB.headers(), RetryHeaders.GROUP, "group-b");

        assertNotEquals(FailedMessage.from(forA).id(), FailedMessage.from(forB).id());
    }

    @Test
    void theIdHashesTheValuesBytesSoTwoValuesThatAreNotUtf8StayApart() {
        // both decode to U+FFFD as text: a String deserializer would have merged them
        byte[] one = {(byte) 0xff};
        byte[] other = {(byte) 0xfe};
        assertNotEquals(FailedMessage.idOf("g", "t", one), FailedMessage.idOf("g", "t", other));
        assertEquals(FailedMessage.idOf("g", "t", null), FailedMessage.idOf("g", "t", new byte[0]));
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> sideRecord(String key, String value) {
        return new ConsumerRecord<>("side-topic-for-retry", 5, 77, bytes(key), bytes(value));
    }
}
