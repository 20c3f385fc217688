package io.kafkaexample.retry.retry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code side-topic-for-retry}, group {@code retry-svc}. A record is acknowledged (its offset committed) only
 * once its retry is in Redis or it is in the dead-letter queue. While Redis or Kafka cannot take it, it waits
 * here, unacknowledged, and the service reports not ready: never a nack, which would stop the stream.
 */
@ApplicationScoped
public class SideTopicConsumer {

    public static final String CHANNEL = "side-topic";

    private static final Logger LOG = Logger.getLogger(SideTopicConsumer.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    FailureIntake intake;

    // @Readiness is a CDI qualifier: the check has no @Default
    @Inject
    @Readiness
    IntakeReadinessCheck readiness;

    @Incoming(CHANNEL)
    public CompletionStage<Void> failed(Message<String> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = message.unwrap(ConsumerRecord.class);
        FailedMessage failed = FailedMessage.from(record);
        Duration backoff = Duration.ofSeconds(1);
        while (true) {
            try {
                intake.accept(failed);
                readiness.flowing();
                return message.ack();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.completedFuture(null);
            } catch (Exception e) {
                readiness.blocked(failed.sidePosition(), e);
                Duration wait = backoff;
                LOG.severe(() -> "cannot take side record " + failed.sidePosition() + " (retry " + failed.id() + "): " + e
                        + "; it stays unacknowledged, trying again in " + wait.toSeconds() + " s");
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // stopping: Kafka delivers the unacknowledged record again after the restart
                return CompletableFuture.completedFuture(null);
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }
}
