package io.kafkaexample.retry.policy;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When a failed record is tried again, and when it is given up: the contract's exponential backoff
 * ({@code initial × multiplier^(n−1)}, capped at {@code max}, with optional jitter) and its dead-letter rule
 * (not retryable, or more failures than {@code maxRetries} redeliveries can answer). Plain Java, no I/O.
 *
 * @param maxRetries how many times a record is redelivered before its next failure goes to the dead-letter queue
 * @param jitter     0..1: a delay is drawn uniformly from {@code [d × (1 − jitter), d]}, so jitter never makes a
 *                   retry later than the plain backoff, only spreads a burst of retries out
 */
public record RetryPolicy(int maxRetries, Duration initial, double multiplier, Duration max, double jitter) {

    public static final String MAX_RETRIES = "retry.max-retries";
    public static final String INITIAL = "retry.backoff.initial";
    public static final String MULTIPLIER = "retry.backoff.multiplier";
    public static final String MAX = "retry.backoff.max";
    public static final String JITTER = "retry.backoff.jitter";

    /** The upper bound of retry.max-retries: beyond it a record would circle for longer than anyone waits. */
    public static final int MAX_RETRIES_LIMIT = 100;

    public RetryPolicy {
        require(maxRetries >= 0 && maxRetries <= MAX_RETRIES_LIMIT, MAX_RETRIES,
                "must be between 0 and " + MAX_RETRIES_LIMIT + ", was " + maxRetries);
        require(initial != null && !initial.isNegative() && !initial.isZero(), INITIAL,
                "must be a positive ISO-8601 duration such as PT60S, was " + initial);
        require(Double.isFinite(multiplier) && multiplier >= 1, MULTIPLIER, "must be a number >= 1, was " + multiplier);
        require(max != null && max.compareTo(initial) >= 0, MAX,
                "must be a duration at least " + INITIAL + " (" + initial + "), was " + max);
        require(jitter >= 0 && jitter <= 1, JITTER, "must be between 0 and 1, was " + jitter);
    }

    /** What to do with a record that failed {@code attempts} times so far (1 on its first failure). */
    public Decision decide(int attempts, boolean retryable, DoubleSupplier random) {
        if (!retryable) {
            return new Decision.DeadLetter("not retryable");
        }
        if (attempts > maxRetries) {
            return new Decision.DeadLetter("gave up after " + attempts + " failed attempts (" + MAX_RETRIES + "=" + maxRetries + ")");
        }
        return new Decision.Retry(attempts, delayBefore(attempts, random));
    }

    /** The delay before redelivery {@code n} (n = 1 after the first failure), jitter drawn from {@code random} in [0, 1). */
    public Duration delayBefore(int n, DoubleSupplier random) {
        Duration plain = plainDelayBefore(n);
        if (jitter == 0) {
            return plain;
        }
        double factor = 1 - jitter * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, Math.round(plain.toMillis() * factor)));
    }

    /** The longest a record can spend between its first failure and its last redelivery. */
    public Duration window() {
        Duration total = Duration.ZERO;
        for (int n = 1; n <= maxRetries; n++) {
            total = total.plus(plainDelayBefore(n));
        }
        return total;
    }

    private Duration plainDelayBefore(int n) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, n - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis(Math.round(millis));
    }

    private static void require(boolean valid, String key, String problem) {
        if (!valid) {
            throw new InvalidRetryConfigException(key + " " + problem);
        }
    }
}
