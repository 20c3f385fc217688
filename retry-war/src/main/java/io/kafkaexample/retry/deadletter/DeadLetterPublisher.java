package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.retry.alert.Alerts;
import io.kafkaexample.retry.message.FailedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Gives a message up: publishes it to {@code dead-letter-queue} with its original key, value and headers,
 * the {@code retry-*} provenance and {@code dlq-reason}, {@code dlq-at}, and returns once the broker has it.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class.getName());

    @Inject
    Producer<String, String> producer;

    @Inject
    Alerts alerts;

    public void publish(FailedMessage message, int attempts, String reason, Instant now) throws Exception {
        var record = FailedRecord.deadLetter(message.key(), message.value(), message.headers(), attempts,
                reason + ": " + message.error(), now);
        // as sent: the envelope caps its length
        String fullReason = FailedRecord.read(record.headers()).deadLetterReason().orElseThrow();
        RecordMetadata sent = producer.send(record).get(30, TimeUnit.SECONDS);
        String letter = DeadLetterId.of(sent.partition(), sent.offset());
        LOG.warning(() -> "retry " + message.id() + " (" + message.originTopic() + ", key=" + message.key() + ") dead-lettered as "
                + letter + " after " + attempts + " failed attempt(s): " + fullReason);
        alerts.send("Dead letter " + letter + " from " + message.originTopic() + " (key " + message.key() + ", group "
                + message.group() + ") after " + attempts + " failed attempt(s): " + fullReason);
    }
}
