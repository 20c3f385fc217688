package io.kafkaexample.common.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The envelope of a failed record (docs/contract.md): the original key, value and headers, plus the
 * {@link RetryHeaders}. Key and value are passed through untouched, whatever their type (bytes in the services,
 * so every copy is byte-identical to the original). The one place that writes it (to the side topic, to the dead-letter queue, back to a
 * consumer) and reads it (a side record, a dead letter). A record that is itself a redelivery keeps its
 * origin and first-failure time, and counts one attempt more.
 */
public final class FailedRecord {

    /** What a replay drops, so the letter starts a fresh count; the provenance (origin, group, reply-to) stays. */
    static final List<String> FAILURE_HEADERS = List.of(RetryHeaders.ATTEMPTS, RetryHeaders.FIRST_FAILURE_AT,
            RetryHeaders.ERROR_CLASS, RetryHeaders.ERROR_MESSAGE, RetryHeaders.RETRYABLE, RetryHeaders.DLQ_REASON,
            RetryHeaders.DLQ_AT, RetryHeaders.RETRY_ID, RetryHeaders.FAILED_POSITION);

    private final Headers headers;

    private FailedRecord(Headers headers) {
        this.headers = headers;
    }

    /** The record a consumer sends to {@code side-topic-for-retry} when it failed on {@code failed}. */
    public static <K, V> ProducerRecord<K, V> of(ConsumerRecord<K, V> failed, Throwable error, boolean retryable, String group,
                                                 String replyTo, Instant now) {
        var record = new ProducerRecord<>(Topics.SIDE_TOPIC_FOR_RETRY, null, failed.key(), failed.value(), copy(failed.headers()));
        var headers = record.headers();
        if (RetryHeaders.get(failed.headers(), RetryHeaders.ORIGIN_TOPIC).isEmpty()) {
            RetryHeaders.set(headers, RetryHeaders.ORIGIN_TOPIC, failed.topic());
            RetryHeaders.set(headers, RetryHeaders.ORIGIN_PARTITION, Integer.toString(failed.partition()));
            RetryHeaders.set(headers, RetryHeaders.ORIGIN_OFFSET, Long.toString(failed.offset()));
        }
        if (RetryHeaders.get(failed.headers(), RetryHeaders.FIRST_FAILURE_AT).isEmpty()) {
            RetryHeaders.set(headers, RetryHeaders.FIRST_FAILURE_AT, now.toString());
        }
        RetryHeaders.set(headers, RetryHeaders.FAILED_POSITION, RecordPosition.of(failed));
        RetryHeaders.set(headers, RetryHeaders.GROUP, group);
        RetryHeaders.set(headers, RetryHeaders.REPLY_TO, replyTo);
        RetryHeaders.set(headers, RetryHeaders.ATTEMPTS, Integer.toString(RetryHeaders.attempts(failed.headers()) + 1));
        RetryHeaders.set(headers, RetryHeaders.ERROR_CLASS, error.getClass().getName());
        RetryHeaders.set(headers, RetryHeaders.ERROR_MESSAGE, RetryHeaders.truncate(String.valueOf(error.getMessage())));
        RetryHeaders.set(headers, RetryHeaders.RETRYABLE, Boolean.toString(retryable));
        return record;
    }

    /** The redelivery of retry {@code retryId} to {@code topic}, saying it failed {@code attempts} times so far. */
    public static <K, V> ProducerRecord<K, V> redelivery(String topic, K key, V value, Headers headers, String retryId, int attempts) {
        var record = new ProducerRecord<>(topic, null, key, value, copy(headers));
        RetryHeaders.set(record.headers(), RetryHeaders.ATTEMPTS, Integer.toString(attempts));
        RetryHeaders.set(record.headers(), RetryHeaders.RETRY_ID, retryId);
        return record;
    }

    /**
     * The letter for {@code dead-letter-queue}: the record as it failed, its retry id and count (by which a letter
     * whose send outcome was lost is found), why it was given up and when.
     */
    public static <K, V> ProducerRecord<K, V> deadLetter(K key, V value, Headers headers, String retryId, int attempts, String reason,
                                                         Instant now) {
        var record = new ProducerRecord<>(Topics.DEAD_LETTER_QUEUE, null, key, value, copy(headers));
        RetryHeaders.set(record.headers(), RetryHeaders.RETRY_ID, retryId);
        RetryHeaders.set(record.headers(), RetryHeaders.ATTEMPTS, Integer.toString(attempts));
        RetryHeaders.set(record.headers(), RetryHeaders.DLQ_REASON, RetryHeaders.truncate(reason));
        RetryHeaders.set(record.headers(), RetryHeaders.DLQ_AT, now.toString());
        return record;
    }

    /**
     * Dead letter {@code letterId} sent back to {@code topic} with a fresh count: without the failure headers, with
     * all others, and {@code dlq-replay-of} naming the letter.
     */
    public static <K, V> ProducerRecord<K, V> replay(ConsumerRecord<K, V> letter, String letterId, String topic) {
        Headers headers = copy(letter.headers());
        FAILURE_HEADERS.forEach(headers::remove);
        RetryHeaders.set(headers, RetryHeaders.DLQ_REPLAY_OF, letterId);
        return new ProducerRecord<>(topic, null, letter.key(), letter.value(), headers);
    }

    /** Reads the envelope of a side record or a dead letter; a header the record lacks reads as empty. */
    public static FailedRecord read(Headers headers) {
        return new FailedRecord(headers);
    }

    public Optional<String> originTopic() {
        return header(RetryHeaders.ORIGIN_TOPIC);
    }

    public Optional<String> originPartition() {
        return header(RetryHeaders.ORIGIN_PARTITION);
    }

    public Optional<String> originOffset() {
        return header(RetryHeaders.ORIGIN_OFFSET);
    }

    /** Where the record the consumer failed on sits, {@code topic-partition@offset}. */
    public Optional<String> failedPosition() {
        return header(RetryHeaders.FAILED_POSITION);
    }

    public Optional<String> group() {
        return header(RetryHeaders.GROUP);
    }

    /** The header as sent; a reader that redelivers must still refuse a blank one. */
    public Optional<String> replyTo() {
        return header(RetryHeaders.REPLY_TO);
    }

    /** The attempts failed so far, 0 if the header is missing or not a count. */
    public int attempts() {
        return RetryHeaders.attempts(headers);
    }

    public Optional<String> firstFailureAt() {
        return header(RetryHeaders.FIRST_FAILURE_AT);
    }

    public Optional<String> errorClass() {
        return header(RetryHeaders.ERROR_CLASS);
    }

    public Optional<String> errorMessage() {
        return header(RetryHeaders.ERROR_MESSAGE);
    }

    /** Only an explicit {@code false} says a failure is not worth retrying. */
    public boolean retryable() {
        return !"false".equalsIgnoreCase(header(RetryHeaders.RETRYABLE).orElse("true").trim());
    }

    public Optional<String> deadLetterReason() {
        return header(RetryHeaders.DLQ_REASON);
    }

    public Optional<String> deadLetteredAt() {
        return header(RetryHeaders.DLQ_AT);
    }

    private Optional<String> header(String name) {
        return RetryHeaders.get(headers, name);
    }

    private static Headers copy(Headers headers) {
        Headers copy = new RecordHeaders();
        for (Header header : headers) {
            copy.add(header);
        }
        return copy;
    }
}
