package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.kafka.FailedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.health.Readiness;

/**
 * Hands a failed record to the retry service through {@code side-topic-for-retry} and returns only once
 * the broker acknowledged it, so the caller may then acknowledge the original. While the broker does not
 * acknowledge, it tries again (the original stays unacknowledged and the service reports not ready).
 */
@ApplicationScoped
public class FailureForwarder {

    private static final Logger LOG = Logger.getLogger(FailureForwarder.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    Producer<String, String> producer;

    // @Readiness is a CDI qualifier: the check has no @Default
    @Inject
    @Readiness
    ForwardingReadinessCheck readiness;

    /** True once the side topic has the record; false only if the thread was interrupted (shutdown). */
    public boolean forward(ConsumerRecord<String, String> failed, Throwable error, boolean retryable) {
        var record = FailedRecord.of(failed, error, retryable, Channels.GROUP, Channels.REPLY_TO, Instant.now());
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            try {
                RecordMetadata sent = producer.send(record).get();
                readiness.forwarded(position(failed));
                LOG.info(() -> "record " + position(failed) + " key=" + failed.key() + " failed (retryable=" + retryable + ": "
                        + error.getClass().getSimpleName() + ": " + error.getMessage() + "); handed to retry as "
                        + sent.topic() + "-" + sent.partition() + "@" + sent.offset());
                return true;
            } catch (ExecutionException | KafkaException e) {
                readiness.stuck(position(failed));
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                Duration wait = backoff;
                LOG.severe(() -> "cannot hand record " + position(failed) + " to " + record.topic() + " (" + cause
                        + "); it stays unacknowledged, trying again in " + wait.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
