package io.kafkaexample.retry.message;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.RecordPosition;
import io.kafkaexample.common.kafka.Utf8;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record as a consumer handed it to {@code side-topic-for-retry}: the original key, value and headers, and
 * what its {@link FailedRecord} envelope says about its failure. {@link #id()} is the hash of (failing group,
 * origin topic, value) under which retry-war keeps its state: two groups failing on one event each have their
 * own count, schedule and reply topic.
 */
public record FailedMessage(String id, String originTopic, byte[] key, byte[] value, Headers headers, int attempts,
                            boolean retryable, Optional<String> replyTo, String group, String errorClass, String errorMessage,
                            String sidePosition, Optional<String> failedPosition) {

    /** Reads a side-topic record; a record without the contract's headers still yields a message (to dead-letter). */
    public static FailedMessage from(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        FailedRecord envelope = FailedRecord.read(headers);
        String originTopic = envelope.originTopic().orElse(record.topic());
        String group = envelope.group().orElse("");
        return new FailedMessage(
                idOf(group, originTopic, record.value()),
                originTopic,
                record.key(),
                record.value(),
                headers,
                Math.max(1, envelope.attempts()),
                envelope.retryable(),
                envelope.replyTo().map(String::trim).filter(t -> !t.isEmpty()),
                group,
                envelope.errorClass().orElse("unknown"),
                envelope.errorMessage().orElse(""),
                RecordPosition.of(record),
                envelope.failedPosition());
    }

    /**
     * SHA-256 of the group, a NUL, the origin topic, a NUL, and the value's bytes (none for a null value): one
     * key per failing message of one group, whatever its partition or offset.
     */
    public static String idOf(String group, String originTopic, byte[] value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(group.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(originTopic.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(value == null ? new byte[0] : value);
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The key as text, for logs and the Redis hash. */
    public String keyText() {
        return Utf8.text(key);
    }

    /** The error as one line for logs and the Redis hash: class and message, no payload. */
    public String error() {
        String simple = errorClass.substring(errorClass.lastIndexOf('.') + 1);
        return errorMessage.isEmpty() ? simple : simple + ": " + errorMessage;
    }
}
