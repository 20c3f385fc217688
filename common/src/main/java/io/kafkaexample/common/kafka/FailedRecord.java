package io.kafkaexample.common.kafka;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The record a consumer sends to {@code side-topic-for-retry} when it fails on one: the original key, value
 * and headers, plus the {@code retry-*} headers of the contract. A record that is itself a redelivery keeps
 * its origin and first-failure time, and counts one attempt more.
 */
public final class FailedRecord {

    private FailedRecord() {
    }

    public static ProducerRecord<String, String> of(ConsumerRecord<String, String> failed, Throwable error, boolean retryable,
                                                    String group, String replyTo, Instant now) {
        var record = new ProducerRecord<String, String>(Topics.SIDE_TOPIC_FOR_RETRY, null, failed.key(), failed.value());
        for (Header header : failed.headers()) {
            record.headers().add(header);
        }
        var headers = record.headers();
        boolean redelivered = RetryHeaders.get(failed.headers(), RetryHeaders.ORIGIN_TOPIC).isPresent();
        if (!redelivered) {
            RetryHeaders.set(headers, RetryHeaders.ORIGIN_TOPIC, failed.topic());
            RetryHeaders.set(headers, RetryHeaders.ORIGIN_PARTITION, Integer.toString(failed.partition()));
            RetryHeaders.set(headers, RetryHeaders.ORIGIN_OFFSET, Long.toString(failed.offset()));
        }
        if (RetryHeaders.get(failed.headers(), RetryHeaders.FIRST_FAILURE_AT).isEmpty()) {
            RetryHeaders.set(headers, RetryHeaders.FIRST_FAILURE_AT, now.toString());
        }
        RetryHeaders.set(headers, RetryHeaders.GROUP, group);
        RetryHeaders.set(headers, RetryHeaders.REPLY_TO, replyTo);
        RetryHeaders.set(headers, RetryHeaders.ATTEMPTS, Integer.toString(RetryHeaders.attempts(failed.headers()) + 1));
        RetryHeaders.set(headers, RetryHeaders.ERROR_CLASS, error.getClass().getName());
        RetryHeaders.set(headers, RetryHeaders.ERROR_MESSAGE, RetryHeaders.truncate(String.valueOf(error.getMessage())));
        RetryHeaders.set(headers, RetryHeaders.RETRYABLE, Boolean.toString(retryable));
        return record;
    }
}
