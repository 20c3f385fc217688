package io.kafkaexample.retry.store;

/**
 * Every Redis key of retry-war, all starting with its hash tag {@code {retry}}: on a Redis Cluster they are in
 * one slot, since a claim takes the schedule and the hash of every id it claims in one script. Operators,
 * dashboards and running instances know these names: a rename loses every pending retry and every dead-letter
 * mark. Tests of the scripts put a namespace of their own before the tag (their keys stay in that slot), so
 * they never touch the schedule a running retry-svc sweeps.
 */
public final class RedisKeys {

    public static final RedisKeys LIVE = new RedisKeys("");

    private static final String MESSAGE = "{retry}:msg:";
    private static final String DUE = "{retry}:due";
    private static final String STATS = "{retry}:stats";
    private static final String DLQ_REPLAYED = "{retry}:dlq:replayed";
    private static final String DLQ_DISCARDED = "{retry}:dlq:discarded";
    private static final String EVERY_KEY = "{retry}:*";

    private final String namespace;

    /** The same keys under {@code namespace} (empty for the live ones). */
    RedisKeys(String namespace) {
        this.namespace = namespace;
    }

    /** Per failing message a hash: attempts, first failure, last error, due time, state, reply-to, the record. */
    public String message(String id) {
        return namespace + MESSAGE + id;
    }

    /** The schedule: member a message id, score its due time (or the end of its claim's lease) in epoch ms. */
    public String due() {
        return namespace + DUE;
    }

    /** Counts over all instances: scheduled, redelivered, deadLettered. */
    public String stats() {
        return namespace + STATS;
    }

    /** Dead letters an administrator replayed: letter key to time. */
    public String dlqReplayed() {
        return namespace + DLQ_REPLAYED;
    }

    /** Dead letters an administrator discarded: letter key to time. */
    public String dlqDiscarded() {
        return namespace + DLQ_DISCARDED;
    }

    /** Every key of this namespace, as a SCAN pattern: it names the hash tag, so that a cluster finds its node. */
    public String scanPattern() {
        return namespace + EVERY_KEY;
    }
}
