package io.kafkaexample.retry.intake;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.retry.message.FailedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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

    @Inject
    FailureIntake intake;

    // @Readiness is a CDI qualifier: the check has no @Default
    @Inject
    @Readiness
    IntakeReadinessCheck readiness;

    @Incoming(Topics.SIDE_TOPIC_FOR_RETRY)
    public CompletionStage<Void> failed(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<byte[], byte[]> record = message.unwrap(ConsumerRecord.class);
        FailedMessage failed = FailedMessage.from(record);
        return readiness.untilDone(failed.sidePosition(), "store retry " + failed.id() + " of side record", () -> {
                    intake.accept(failed);
                    return true;
                })
                .map(done -> message.ack())
                // stopping: Kafka delivers the unacknowledged record again after the restart
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }
}
