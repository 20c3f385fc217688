package io.kafkaexample.retry.engine;

import io.kafkaexample.retry.policy.InvalidRetryConfigException;
import io.kafkaexample.retry.policy.ReplyTopics;
import io.kafkaexample.retry.policy.RetryPolicy;
import java.time.Duration;

/**
 * The engine's rules about time and sending, checked when built: a lease must outlast the longest send, or a
 * claim could run out while its send is still on its way, and another instance would send it a second time.
 *
 * @param maxSendTime     the longest a send can take before the producer gives up (its max.block plus its
 *                        delivery timeout)
 * @param horizon         retries due within it get an in-memory job each; later ones wait in the store for the sweep
 * @param maxSendFailures failed sends of one redelivery after which the message is dead-lettered
 */
public record EngineSettings(RetryPolicy policy, ReplyTopics replyTopics, Duration lease, Duration maxSendTime,
                             Duration sweepInterval, Duration horizon, int maxSendFailures, Duration stateTtl) {

    public static final String LEASE = "retry.lease";
    public static final String SWEEP_INTERVAL = "retry.sweep-interval";
    public static final String HORIZON = "retry.horizon";
    public static final String MAX_SEND_FAILURES = "retry.max-send-failures";
    public static final String SEND_TIME_KEYS = "kafka.producer.max-block + kafka.producer.delivery-timeout";

    /** Room for the Redis round trips around a send (claim, settle) and a busy scheduler thread. */
    static final Duration MARGIN = Duration.ofSeconds(2);

    public EngineSettings {
        require(lease.compareTo(maxSendTime.plus(MARGIN)) > 0, LEASE, "must be longer than the longest send (" + SEND_TIME_KEYS
                + " = " + maxSendTime + ") plus " + MARGIN + ", was " + lease);
        require(horizon.compareTo(sweepInterval) >= 0, HORIZON, "must be at least " + SWEEP_INTERVAL + " (" + sweepInterval
                + "), or retries due between two sweeps would wait for the next one; was " + horizon);
        require(maxSendFailures >= 1, MAX_SEND_FAILURES, "must be at least 1, was " + maxSendFailures);
    }

    /**
     * Whether a claim held for {@code heldFor} still has room for a whole send: past that point its lease could
     * run out mid-send, so it is put back instead.
     */
    public boolean maySend(Duration heldFor) {
        return heldFor.plus(maxSendTime).plus(MARGIN).compareTo(lease) < 0;
    }

    /** The wait after failed send {@code n} (from 1): the sweep interval, doubled each time, capped at the backoff's max. */
    public Duration sendRetryDelay(int n) {
        Duration delay = sweepInterval.multipliedBy(1L << Math.min(n - 1, 20));
        return delay.compareTo(policy.max()) > 0 ? policy.max() : delay;
    }

    private static void require(boolean valid, String key, String problem) {
        if (!valid) {
            throw new InvalidRetryConfigException(key + " " + problem);
        }
    }
}
