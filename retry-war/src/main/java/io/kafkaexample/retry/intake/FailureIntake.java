package io.kafkaexample.retry.intake;

import io.kafkaexample.retry.config.RetrySettings;
import io.kafkaexample.retry.engine.DeadLetters;
import io.kafkaexample.retry.engine.Failure;
import io.kafkaexample.retry.engine.Intake;
import io.kafkaexample.retry.message.FailedMessage;
import io.kafkaexample.retry.monitoring.RetryMetrics;
import io.kafkaexample.retry.redelivery.RetryScheduler;
import io.kafkaexample.retry.store.RetryStore;
import io.kafkaexample.retry.store.StoredRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands failed records of the side topic to the engine's {@link Intake}, which makes their fate durable
 * (counted and scheduled in Redis, or in the dead-letter queue) before their offsets may be committed.
 */
@ApplicationScoped
public class FailureIntake {

    @Inject
    RetryStore store;

    @Inject
    RetryScheduler scheduler;

    @Inject
    DeadLetters deadLetters;

    @Inject
    RetrySettings settings;

    @Inject
    RetryMetrics metrics;

    private Intake intake;

    /** Returns once the fate of every record is durable; throws if Redis or Kafka could not make it so. */
    public void accept(List<FailedMessage> messages) throws Exception {
        intake().accept(messages.stream().map(FailureIntake::failureOf).toList());
    }

    /** The engine's view of a side record, its record in the form Redis keeps. */
    public static Failure failureOf(FailedMessage message) {
        return new Failure(message.id(), message.originTopic(), message.keyText(), message.group(), message.replyTo(),
                message.attempts(), message.retryable(), message.error(), message.sidePosition(), message.failedPosition(),
                StoredRecord.of(message).toJson());
    }

    private synchronized Intake intake() {
        if (intake == null) {
            intake = new Intake(store, deadLetters, scheduler.engine(), settings.engine(), metrics,
                    () -> ThreadLocalRandom.current().nextDouble());
        }
        return intake;
    }
}
