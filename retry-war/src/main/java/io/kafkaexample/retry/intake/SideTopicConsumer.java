package io.kafkaexample.retry.intake;

import io.kafkaexample.common.batch.Batcher;
import io.kafkaexample.common.batch.Batchers;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.common.tracing.RecordSpans;
import io.kafkaexample.common.tracing.Tracing;
import io.kafkaexample.retry.message.FailedMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code side-topic-for-retry}, group {@code retry-svc}, in batches. A batch is acknowledged (its offsets
 * committed) only once every retry of it is in Redis or in the dead-letter queue. While Redis or Kafka cannot
 * take them, the batch waits here, unacknowledged, and the service reports not ready: never a nack, which would
 * stop the stream. Each record is processed in a {@code process side-topic-for-retry} span of the trace it carries,
 * and the record kept for the retry carries that span's context, so its redeliveries and its dead letter follow
 * in the same trace.
 */
@ApplicationScoped
public class SideTopicConsumer {

    private static final CompletionStage<Void> TAKEN = CompletableFuture.completedFuture(null);

    @Inject
    FailureIntake intake;

    @Inject
    Batchers batchers;

    // @Readiness is a CDI qualifier: the check has no @Default
    @Inject
    @Readiness
    IntakeReadinessCheck readiness;

    @Inject
    Tracing tracing;

    @Inject
    Config config;

    private Batcher<Message<byte[]>> batcher;
    private String group;

    @PostConstruct
    void start() {
        group = config.getValue("mp.messaging.incoming." + Topics.SIDE_TOPIC_FOR_RETRY + ".group.id", String.class);
        batcher = batchers.create(Topics.SIDE_TOPIC_FOR_RETRY, this::take);
    }

    @Incoming(Topics.SIDE_TOPIC_FOR_RETRY)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> failed(Message<byte[]> message) {
        batcher.add(message);
        return TAKEN;
    }

    private void take(List<Message<byte[]>> messages) {
        List<ConsumerRecord<byte[], byte[]>> records = messages.stream().map(SideTopicConsumer::record).toList();
        RecordSpans spans = tracing.process(records, group);
        try {
            List<FailedMessage> failed = records.stream().map(FailedMessage::from).toList();
            for (int i = 0; i < failed.size(); i++) {
                tracing.inject(spans.context(records.get(i)), failed.get(i).headers());
            }
            String position = failed.get(0).sidePosition() + (failed.size() > 1 ? " and " + (failed.size() - 1) + " more" : "");
            readiness.untilDone(position, "store the retries of the side records", () -> {
                intake.accept(failed);
                return true;
            }).ifPresent(done -> messages.forEach(Message::ack));
            // empty: stopping, and Kafka delivers the unacknowledged batch again after the restart
        } finally {
            spans.end();
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<byte[], byte[]> record(Message<byte[]> message) {
        return message.unwrap(ConsumerRecord.class);
    }
}
