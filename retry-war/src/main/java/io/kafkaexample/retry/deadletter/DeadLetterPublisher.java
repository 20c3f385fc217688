package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.retry.alert.Alerts;
import io.kafkaexample.retry.retry.FailedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

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
        var record = new ProducerRecord<>(Topics.DEAD_LETTER_QUEUE, null, message.key(), message.value(),
                new RecordHeaders(message.headers().toArray()));
        String fullReason = RetryHeaders.truncate(reason + ": " + message.error());
        RetryHeaders.set(record.headers(), RetryHeaders.ATTEMPTS, Integer.toString(attempts));
        RetryHeaders.set(record.headers(), RetryHeaders.DLQ_REASON, fullReason);
        RetryHeaders.set(record.headers(), RetryHeaders.DLQ_AT, now.toString());
        RecordMetadata sent = producer.send(record).get(30, TimeUnit.SECONDS);
        String letter = DeadLetterId.of(sent.partition(), sent.offset());
        LOG.warning(() -> "retry " + message.id() + " (" + message.originTopic() + ", key=" + message.key() + ") dead-lettered as "
                + letter + " after " + attempts + " failed attempt(s): " + fullReason);
        alerts.send("Dead letter " + letter + " from " + message.originTopic() + " (key " + message.key() + ", group "
                + message.group() + ") after " + attempts + " failed attempt(s): " + fullReason);
    }
}
