package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.retry.alert.Alerts;
import io.kafkaexample.retry.engine.DeadLetters;
import io.kafkaexample.retry.store.StoredRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Gives a message up: publishes it to {@code dead-letter-queue} with its original key, value and headers,
 * the {@code retry-*} provenance and {@code dlq-reason}, {@code dlq-at}, and returns once the broker has it.
 */
@ApplicationScoped
public class DeadLetterPublisher implements DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class.getName());

    @Inject
    Producer<byte[], byte[]> producer;

    @Inject
    Alerts alerts;

    @Override
    public void publish(Letter letter) throws Exception {
        StoredRecord stored = StoredRecord.parse(letter.record());
        var record = FailedRecord.deadLetter(stored.key(), stored.value(), stored.headers(), letter.attempts(), letter.reason(),
                Instant.now());
        // as sent: the envelope caps its length
        var envelope = FailedRecord.read(record.headers());
        String reason = envelope.deadLetterReason().orElseThrow();
        String group = envelope.group().orElse("");
        // no timeout of its own: the producer fails the send within max-block + delivery-timeout, and giving up
        // sooner would leave a letter that may still land, to be published a second time
        RecordMetadata sent = producer.send(record).get();
        String id = DeadLetterId.of(sent.partition(), sent.offset());
        LOG.warning(() -> "retry " + letter.id() + " (" + letter.originTopic() + ", key=" + letter.key() + ") dead-lettered as "
                + id + " after " + letter.attempts() + " failed attempt(s): " + reason);
        alerts.send("Dead letter " + id + " from " + letter.originTopic() + " (key " + letter.key() + ", group " + group + ") after "
                + letter.attempts() + " failed attempt(s): " + reason);
    }
}
