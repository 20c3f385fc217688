package io.kafkaexample.retry.engine;

import io.kafkaexample.retry.policy.Decision;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * The fate of one failure read from the side topic, made durable before its offset may be committed: counted
 * and scheduled, or dead-lettered. A report read again (Kafka redelivers what was not committed, Liberty can
 * lose committed offsets) changes nothing.
 */
public final class Intake {

    private static final Logger LOG = Logger.getLogger(Intake.class.getName());
    /** States in which a report read again has had all its effects already. */
    private static final Set<String> SETTLED = Set.of("scheduled", "claimed", "redelivered", "dead-lettered");

    private final RetryState state;
    private final DeadLetters deadLetters;
    private final Redelivery redelivery;
    private final EngineSettings settings;
    private final RetryEvents events;
    private final DoubleSupplier random;

    public Intake(RetryState state, DeadLetters deadLetters, Redelivery redelivery, EngineSettings settings, RetryEvents events,
                  DoubleSupplier random) {
        this.state = state;
        this.deadLetters = deadLetters;
        this.redelivery = redelivery;
        this.settings = settings;
        this.events = events;
        this.random = random;
    }

    /** Returns once the failure's fate is durable; throws if the store or the broker could not make it so. */
    public void accept(Failure failure) throws Exception {
        Registration registration = state.register(failure, settings.stateTtl());
        if (registration.duplicate() && SETTLED.contains(registration.state())) {
            LOG.fine(() -> "side record " + failure.sidePosition() + " was handled before (" + registration.state() + ")");
            return;
        }
        int attempts = registration.attempts();
        Decision decision = settings.replyTopics().refusal(failure.replyTo())
                .<Decision>map(Decision.DeadLetter::new)
                .orElseGet(() -> settings.policy().decide(attempts, failure.retryable(), random));
        if (decision instanceof Decision.Retry retry) {
            state.schedule(failure.id(), retry.delay(), failure.record(), settings.stateTtl());
            redelivery.track(failure.id(), retry.delay(), new Claim.Claimed(failure.id(), failure.record(), attempts, Duration.ZERO,
                    failure.replyTo().orElseThrow(), failure.originTopic(), failure.key(), Optional.empty()));
            events.scheduled(failure.originTopic());
            LOG.info(() -> "retry " + failure.id() + " (" + failure.originTopic() + ", key=" + failure.key() + ") failed " + attempts
                    + "x (" + failure.error() + "): redelivery " + attempts + " of " + settings.policy().maxRetries() + " due in "
                    + retry.delay() + " to " + failure.replyTo().orElseThrow());
        } else {
            String reason = ((Decision.DeadLetter) decision).reason();
            deadLetters.publish(new DeadLetters.Letter(failure.id(), failure.originTopic(), failure.key(), failure.record(), attempts,
                    reason + ": " + failure.error()));
            state.deadLettered(failure.id(), reason, settings.stateTtl());
            events.deadLettered(failure.originTopic());
        }
    }
}
