package io.kafkaexample.retry.engine;

import io.kafkaexample.retry.policy.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.logging.Logger;

/**
 * The fate of the failures read from the side topic, made durable before their offsets may be committed:
 * counted and scheduled, or dead-lettered, a whole batch in a few round trips (count all, schedule all, send
 * every letter and wait for all of them). A report read again (Kafka redelivers what was not committed,
 * Liberty can lose committed offsets) changes nothing.
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

    public void accept(Failure failure) throws Exception {
        accept(List.of(failure));
    }

    /**
     * Returns once the fate of every failure is durable; throws if the store or the broker could not make it so
     * for all of them (then the batch is taken in again: what was done is recognised and not done twice).
     */
    public void accept(List<Failure> failures) throws Exception {
        List<Registration> registrations = state.register(failures, settings.stateTtl());
        // a message reported twice in one batch: its later registration has counted both, and alone decides
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < failures.size(); i++) {
            last.put(failures.get(i).id(), i);
        }
        List<Retry> retries = new ArrayList<>();
        List<DeadLetters.Letter> letters = new ArrayList<>();
        Map<String, String> reasons = new HashMap<>();
        Map<String, Instant> countedBefore = new HashMap<>();
        for (int i = 0; i < failures.size(); i++) {
            Failure failure = failures.get(i);
            Registration registration = registrations.get(i);
            if (last.get(failure.id()) != i || registration.duplicate() && SETTLED.contains(registration.state())) {
                LOG.fine(() -> "side record " + failure.sidePosition() + " was handled before (" + registration.state() + ")");
                continue;
            }
            int attempts = registration.attempts();
            Decision decision = settings.replyTopics().refusal(failure.replyTo())
                    .<Decision>map(Decision.DeadLetter::new)
                    .orElseGet(() -> settings.policy().decide(attempts, failure.retryable(), random));
            if (decision instanceof Decision.Retry retry) {
                retries.add(new Retry(failure, attempts, retry.delay()));
            } else {
                String reason = ((Decision.DeadLetter) decision).reason();
                reasons.put(failure.id(), reason);
                if (registration.duplicate()) {
                    // taken in before and not settled: that intake may have sent the letter and not lived to mark it
                    registration.countedAt().ifPresent(at -> countedBefore.put(failure.id(), at));
                }
                letters.add(new DeadLetters.Letter(failure.id(), failure.originTopic(), failure.key(), failure.record(), attempts,
                        reason + ": " + failure.error()));
            }
        }
        schedule(retries);
        Optional<Exception> failure = deadLetter(letters, reasons, countedBefore);
        LOG.info(() -> "side records " + range(failures) + ": " + retries.size() + " retries scheduled, " + letters.size()
                + " dead-lettered, " + (failures.size() - retries.size() - letters.size()) + " handled before"
                + failure.map(e -> "; the dead-letter queue failed: " + Redelivery.describe(e)).orElse(""));
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    private record Retry(Failure failure, int attempts, Duration delay) {
    }

    private void schedule(List<Retry> retries) {
        if (retries.isEmpty()) {
            return;
        }
        state.schedule(retries.stream().map(r -> new RetryState.Scheduled(r.failure().id(), r.delay(), r.failure().record())).toList(),
                settings.stateTtl());
        for (Retry retry : retries) {
            Failure failure = retry.failure();
            redelivery.track(failure.id(), retry.delay(), new Claim.Claimed(failure.id(), failure.record(), retry.attempts(), Duration.ZERO,
                    failure.replyTo().orElseThrow(), failure.originTopic(), failure.key(), Optional.empty()));
            events.scheduled(failure.originTopic());
            LOG.fine(() -> "retry " + failure.id() + " (" + failure.originTopic() + ", key=" + failure.key() + ") failed "
                    + retry.attempts() + "x (" + failure.error() + "): redelivery " + retry.attempts() + " of "
                    + settings.policy().maxRetries() + " due in " + retry.delay() + " to " + failure.replyTo().orElseThrow());
        }
    }

    /**
     * Publishes the letters and records those the queue has; the failure, if it does not have them all. A message
     * {@code countedBefore} (id to the time of its count) may have had its letter sent already: looked for first.
     */
    private Optional<Exception> deadLetter(List<DeadLetters.Letter> letters, Map<String, String> reasons, Map<String, Instant> countedBefore) {
        if (letters.isEmpty()) {
            return Optional.empty();
        }
        DeadLetters.Published published = EarlierLetters.publish(deadLetters, letters, countedBefore);
        if (!published.taken().isEmpty()) {
            state.deadLettered(published.taken().stream().map(l -> new RetryState.GivenUp(l.id(), reasons.get(l.id()))).toList(),
                    settings.stateTtl());
            published.taken().forEach(letter -> events.deadLettered(letter.originTopic()));
        }
        return published.failure();
    }

    private static String range(List<Failure> failures) {
        String first = failures.get(0).sidePosition();
        return failures.size() == 1 ? first : first + " .. " + failures.get(failures.size() - 1).sidePosition() + " (" + failures.size() + ")";
    }
}
