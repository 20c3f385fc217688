package io.kafkaexample.retry.policy;

import java.time.Duration;

/** The policy's answer for one failed record. */
public sealed interface Decision {

    /** Redeliver as attempt {@code attempt} after {@code delay}. */
    record Retry(int attempt, Duration delay) implements Decision {
    }

    /** Give up: the record goes to the dead-letter queue, for the reason given. */
    record DeadLetter(String reason) implements Decision {
    }
}
