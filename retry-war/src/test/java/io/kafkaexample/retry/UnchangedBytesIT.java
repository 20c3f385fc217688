package io.kafkaexample.retry;

import static io.kafkaexample.retry.RetryClient.WAIT;
import static io.kafkaexample.testsupport.Events.newId;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Key, value and headers travel as bytes from the failing consumer through the side topic to the redelivery
 * and the dead letter: a value that is not valid UTF-8 (a String deserializer would turn it into U+FFFD)
 * comes out byte for byte as it went in.
 */
class UnchangedBytesIT {

    /** Invalid UTF-8 in the middle of what is otherwise JSON: 0xC3 0x28 is a broken two-byte sequence, 0xFF never valid. */
    private static byte[] notUtf8(String userId) {
        byte[] head = ("{\"specversion\":\"1.0\",\"id\":\"" + userId + "\",\"data\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] tail = {(byte) 0xc3, (byte) 0x28, (byte) 0xff, '"', '}'};
        byte[] value = new byte[head.length + tail.length];
        System.arraycopy(head, 0, value, 0, head.length);
        System.arraycopy(tail, 0, value, head.length, tail.length);
        return value;
    }

    @Test
    void aRecordThatIsNotUtf8ReachesTheDeadLetterQueueFromTheConsumerByteForByte() throws Exception {
        String userId = newId();
        byte[] value = notUtf8(userId);
        byte[] binaryHeader = {0, (byte) 0xfe, 7};
        var original = new ProducerRecord<>(Topics.ISSUED_TOKEN, userId.getBytes(StandardCharsets.UTF_8), value);
        original.headers().add("trace-bin", binaryHeader);

        try (var deadLetters = new TopicWatcher(Topics.DEAD_LETTER_QUEUE)) {
            KafkaProbe.sendBytes(original);
            ConsumerRecord<String, String> found = deadLetters.await(r -> userId.equals(r.key()), WAIT);
            ConsumerRecord<byte[], byte[]> letter = KafkaProbe.readBytesAt(found.topic(), found.partition(), found.offset());

            assertArrayEquals(value, letter.value(), "the dead letter's value is the original's, byte for byte");
            assertArrayEquals(original.key(), letter.key());
            assertArrayEquals(binaryHeader, letter.headers().lastHeader("trace-bin").value());
            String reason = RetryHeaders.get(letter.headers(), RetryHeaders.DLQ_REASON).orElseThrow();
            assertTrue(reason.contains("not valid UTF-8"), reason);
        }
    }

    @Test
    void aRetryOfAValueThatIsNotUtf8IsRedeliveredByteForByte() throws Exception {
        // allowed by devstack/profiles/it.env's RETRY_REPLY_TOPICS; nothing consumes it
        String replyTo = "retry-it-group-a";
        KafkaProbe.ensureTopic(replyTo, 1);
        String userId = newId();
        byte[] value = notUtf8(userId);
        var failed = new ConsumerRecord<>(Topics.ISSUED_TOKEN, 3, 42L, userId.getBytes(StandardCharsets.UTF_8), value);
        var handOff = FailedRecord.of(failed, new IllegalStateException("down"), true, "group-a", replyTo, Instant.now());

        try (var redeliveries = new TopicWatcher(replyTo)) {
            KafkaProbe.sendBytes(handOff);
            ConsumerRecord<String, String> found = redeliveries.await(r -> userId.equals(r.key()), WAIT);
            ConsumerRecord<byte[], byte[]> redelivery = KafkaProbe.readBytesAt(found.topic(), found.partition(), found.offset());

            assertArrayEquals(value, redelivery.value(), "the redelivery's value is the original's, byte for byte");
            assertEquals(1, RetryHeaders.attempts(redelivery.headers()));
            for (Header header : handOff.headers()) {
                if (!header.key().equals(RetryHeaders.ATTEMPTS)) {
                    assertArrayEquals(header.value(), redelivery.headers().lastHeader(header.key()).value(), header.key());
                }
            }
        }
    }
}
