package io.kafkaexample.retry.engine;

import io.kafkaexample.retry.policy.ReplyTopics;
import io.kafkaexample.retry.policy.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Engines of several retry-war instances sharing one {@link FakeState}, one broker and one dead-letter
 * queue, on {@link ManualTime}: the settings of the test stack (3 retries after 1, 2 and 4 s).
 */
final class Instances {

    static final String REPLY_TO = "consumer-svc-redelivery";
    static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(10), 0);
    static final EngineSettings SETTINGS = new EngineSettings(POLICY, new ReplyTopics(Set.of(REPLY_TO)), Duration.ofSeconds(12),
            Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ofSeconds(5), 3, Duration.ofHours(1));

    final ManualTime time = new ManualTime();
    final FakeState state = new FakeState(time);
    final List<FakeSender.Sent> delivered = new ArrayList<>();
    final FakeDeadLetters deadLetters = new FakeDeadLetters();
    final FakeLanded landed = new FakeLanded(delivered);
    final List<Instance> all = new ArrayList<>();
    /** The retries every instance's engine reported scheduled. */
    final List<String> scheduled = new ArrayList<>();

    final class Instance {
        final String owner;
        final ManualTime.InstanceClock clock = time.new InstanceClock();
        final FakeSender sender;
        final Redelivery redelivery;
        final Intake intake;

        Instance(String owner, EngineSettings settings) {
            this.owner = owner;
            this.sender = new FakeSender(owner, time, delivered);
            RetryEvents events = new RetryEvents() {
                @Override
                public void scheduled(String originTopic) {
                    scheduled.add(originTopic);
                }

                @Override
                public void redelivered(String originTopic, Duration lateness) {
                }

                @Override
                public void deadLettered(String originTopic) {
                }
            };
            this.redelivery = new Redelivery(state, sender, landed, deadLetters, clock, settings, events, owner);
            this.intake = new Intake(state, deadLetters, redelivery, settings, events, () -> 0.5);
        }
    }

    Instance start(String owner) {
        return start(owner, SETTINGS);
    }

    Instance start(String owner, EngineSettings settings) {
        Instance instance = new Instance(owner, settings);
        all.add(instance);
        return instance;
    }

    /** Every instance sweeps, then time moves on by {@code step}, for {@code total}. */
    void run(Duration total, Duration step) {
        for (long t = 0; t < total.toMillis(); t += step.toMillis()) {
            all.forEach(i -> i.redelivery.sweep());
            time.advance(step);
        }
    }

    /** A report that does not say which record failed (a side record written before the header existed). */
    static Failure failure(String id, int headerAttempts, String sidePosition) {
        return failure(id, headerAttempts, sidePosition, Optional.empty());
    }

    static Failure failure(String id, int headerAttempts, String sidePosition, Optional<String> failedPosition) {
        return new Failure(id, "issued-token", "key-" + id, "consumer-svc", Optional.of(REPLY_TO), headerAttempts, true,
                "IllegalStateException: down", sidePosition, failedPosition, "record-" + id);
    }

    List<Integer> attemptsSent(String id) {
        return delivered.stream().filter(s -> s.id().equals(id)).map(FakeSender.Sent::attempts).toList();
    }
}
