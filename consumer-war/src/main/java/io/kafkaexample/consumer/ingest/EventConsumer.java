package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.kafka.RecordPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The three incoming channels. A record is acknowledged (its offset committed) only after it was applied,
 * or after it was handed to the retry service. Never a nack: Liberty's connector stops the stream on one.
 * Records arrive as bytes, so a failed one is handed on exactly as it came, even when it is not valid UTF-8.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class.getName());

    @Inject
    EventProcessor processor;

    @Inject
    FailureForwarder forwarder;

    @Inject
    IngestMetrics metrics;

    @Incoming(Channels.NEW_USER_CREATED)
    public CompletionStage<Void> userCreated(Message<byte[]> message) {
        return handle(message);
    }

    @Incoming(Channels.ISSUED_TOKEN)
    public CompletionStage<Void> tokenIssued(Message<byte[]> message) {
        return handle(message);
    }

    @Incoming(Channels.CONSUMER_SVC_REDELIVERY)
    public CompletionStage<Void> redelivered(Message<byte[]> message) {
        return handle(message);
    }

    private CompletionStage<Void> handle(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<byte[], byte[]> record = message.unwrap(ConsumerRecord.class);
        long start = System.nanoTime();
        try {
            var outcome = processor.process(record.key(), record.value());
            metrics.processed(record.topic(), Duration.ofNanos(System.nanoTime() - start));
            LOG.fine(() -> "record " + RecordPosition.of(record) + " " + outcome);
            return message.ack();
        } catch (Exception e) {
            metrics.failed(record.topic());
            if (forwarder.forward(record, e, Failures.retryable(e))) {
                metrics.forwarded(record.topic());
                return message.ack();
            }
            // interrupted while the broker was away: Kafka delivers the record again after the restart
            return CompletableFuture.completedFuture(null);
        }
    }
}
