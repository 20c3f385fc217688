package io.kafkaexample.retry.intake;

import io.kafkaexample.retry.config.RetrySettings;
import io.kafkaexample.retry.deadletter.DeadLetterPublisher;
import io.kafkaexample.retry.message.FailedMessage;
import io.kafkaexample.retry.monitoring.RetryMetrics;
import io.kafkaexample.retry.policy.Decision;
import io.kafkaexample.retry.redelivery.RetryScheduler;
import io.kafkaexample.retry.store.Claim;
import io.kafkaexample.retry.store.Registration;
import io.kafkaexample.retry.store.RetryStore;
import io.kafkaexample.retry.store.StoredRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Takes one failed record from the side topic and makes its fate durable before its offset may be
 * committed: counted and scheduled in Redis, or published to the dead-letter queue. Idempotent per
 * side-topic record, so the redelivery Kafka makes after a crash changes nothing.
 */
@ApplicationScoped
public class FailureIntake {

    private static final Logger LOG = Logger.getLogger(FailureIntake.class.getName());
    private static final Set<String> SETTLED = Set.of("scheduled", "claimed", "redelivered", "dead-lettered");

    @Inject
    RetryStore store;

    @Inject
    RetryScheduler scheduler;

    @Inject
    DeadLetterPublisher deadLetters;

    @Inject
    RetrySettings settings;

    @Inject
    RetryMetrics metrics;

    /** Returns once the record's fate is durable; throws if Redis or Kafka could not make it so. */
    public void accept(FailedMessage message) throws Exception {
        Instant now = Instant.now();
        Registration registration = store.register(message, settings.stateTtl(), now);
        if (registration.duplicate() && SETTLED.contains(registration.state())) {
            LOG.fine(() -> "side record " + message.sidePosition() + " was handled before (" + registration.state() + ")");
            return;
        }
        int attempts = registration.attempts();
        Decision decision = settings.replyTopics().refusal(message.replyTo())
                .<Decision>map(Decision.DeadLetter::new)
                .orElseGet(() -> settings.policy().decide(attempts, message.retryable(), () -> ThreadLocalRandom.current().nextDouble()));
        if (decision instanceof Decision.Retry retry) {
            Instant dueAt = now.plus(retry.delay());
            StoredRecord record = StoredRecord.of(message);
            store.schedule(message.id(), dueAt, record, settings.stateTtl());
            scheduler.schedule(new Claim.Claimed(message.id(), record, attempts, dueAt, message.replyTo().get(), message.originTopic()));
            metrics.scheduled(message.originTopic());
            LOG.info(() -> "retry " + message.id() + " (" + message.originTopic() + ", key=" + message.key() + ") failed "
                    + attempts + "x (" + message.error() + "): redelivery " + attempts + " of " + settings.policy().maxRetries()
                    + " due at " + dueAt + " to " + message.replyTo().get());
        } else {
            String reason = ((Decision.DeadLetter) decision).reason();
            deadLetters.publish(message, attempts, reason, now);
            store.deadLettered(message.id(), now, reason, settings.stateTtl());
            metrics.deadLettered(message.originTopic());
        }
    }
}
