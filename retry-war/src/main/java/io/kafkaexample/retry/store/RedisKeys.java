package io.kafkaexample.retry.store;

/**
 * Every Redis key of retry-war. Operators, dashboards and running instances know these names: a rename
 * loses every pending retry and every dead-letter mark.
 */
public final class RedisKeys {

    /** Per failing message a hash: attempts, first failure, last error, due time, state, reply-to, the record. */
    public static final String MESSAGE_PREFIX = "retry:msg:";
    /** The schedule: member a message id, score its due time (or the end of its claim's lease) in epoch ms. */
    public static final String DUE = "retry:due";
    /** Counts over all instances: scheduled, redelivered, deadLettered. */
    public static final String STATS = "retry:stats";
    /** Dead letters an administrator replayed: letter key to time. */
    public static final String DLQ_REPLAYED = "retry:dlq:replayed";
    /** Dead letters an administrator discarded: letter key to time. */
    public static final String DLQ_DISCARDED = "retry:dlq:discarded";

    private RedisKeys() {
    }

    /** The hash of the message {@code id}. */
    public static String message(String id) {
        return MESSAGE_PREFIX + id;
    }
}
