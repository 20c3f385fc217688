package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a claim found for one id; durations are measured by the store's clock, so no instance's skew counts. */
public sealed interface Claim {

    String id();

    /**
     * Due, and now this instance's to redeliver until its lease ends. {@code record} is the stored record, opaque
     * to the engine; {@code lateBy} how long past its due time it was claimed. {@code claimedBefore}: when this
     * attempt was first claimed, if this is not its first claim: a send may have started then (its instance
     * died, or the send timed out) and landed without anyone recording it.
     */
    record Claimed(String id, String record, int attempts, Duration lateBy, String replyTo, String originTopic, String key,
                   Optional<Instant> claimedBefore) implements Claim {
    }

    /** Due in {@code dueIn} (another instance holds its lease, or it was rescheduled). */
    record NotDue(String id, Duration dueIn) implements Claim {
    }

    /** Redelivered or dead-lettered already. */
    record Done(String id) implements Claim {
    }

    /** The store no longer knows it (flushed, or a Redis without persistence restarted). */
    record Lost(String id) implements Claim {
    }
}
