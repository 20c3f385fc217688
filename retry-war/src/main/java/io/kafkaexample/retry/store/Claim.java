package io.kafkaexample.retry.store;

import java.time.Instant;

/** What a claim found for one id. */
public sealed interface Claim {

    String id();

    /** Due, and now this instance's to redeliver until its lease ends. */
    record Claimed(String id, StoredRecord record, int attempts, Instant dueAt, String replyTo, String originTopic)
            implements Claim {
    }

    /** Due later (another instance holds its lease, or it was rescheduled). */
    record NotDue(String id, Instant dueAt) implements Claim {
    }

    /** Redelivered or dead-lettered already. */
    record Done(String id) implements Claim {
    }

    /** Redis no longer knows it (flushed, or expired): only an in-memory copy can still deliver it. */
    record Lost(String id) implements Claim {
    }
}
