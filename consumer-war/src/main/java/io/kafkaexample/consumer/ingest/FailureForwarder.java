package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.RecordPosition;
import io.kafkaexample.common.kafka.Utf8;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.health.Readiness;

/**
 * Hands a failed record to the retry service through {@code side-topic-for-retry} and returns only once
 * the broker acknowledged it, so the caller may then acknowledge the original. While the broker does not
 * acknowledge, it tries again (the original stays unacknowledged and the service reports not ready).
 */
@ApplicationScoped
public class FailureForwarder {

    private static final Logger LOG = Logger.getLogger(FailureForwarder.class.getName());

    @Inject
    Producer<byte[], byte[]> producer;

    // @Readiness is a CDI qualifier: the check has no @Default
    @Inject
    @Readiness
    ForwardingReadinessCheck held;

    /** True once the side topic has the record; false only if the thread was interrupted (shutdown). */
    public boolean forward(ConsumerRecord<byte[], byte[]> failed, Throwable error, boolean retryable) {
        var record = FailedRecord.of(failed, error, retryable, Channels.GROUP, Channels.REPLY_TO, Instant.now());
        String position = RecordPosition.of(failed);
        return held.untilDone(position, "hand to " + record.topic() + " the record", () -> producer.send(record).get())
                .map(sent -> {
                    logHandOff(failed, error, retryable, sent);
                    return true;
                })
                .orElse(false);
    }

    private static void logHandOff(ConsumerRecord<byte[], byte[]> failed, Throwable error, boolean retryable, RecordMetadata sent) {
        LOG.info(() -> "record " + RecordPosition.of(failed) + " key=" + Utf8.text(failed.key()) + " failed (retryable=" + retryable + ": "
                + error.getClass().getSimpleName() + ": " + error.getMessage() + "); handed to retry as " + RecordPosition.of(sent));
    }
}
