package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The port to the shared state of every instance (Redis). Each operation is atomic, and takes "now" from the
 * store's own clock, never from the instance's: due times written by one instance are compared by another.
 * Every change to a claim is fenced: it applies only while {@code owner} holds the claim of that attempt.
 */
public interface RetryState {

    /** Counts {@code failure} once per side position, the count never below its header's. */
    Registration register(Failure failure, Duration ttl);

    /** Puts the message on the schedule, due {@code delay} from now, with the record to redeliver. */
    void schedule(String id, Duration delay, String record, Duration ttl);

    /** The ids due within {@code horizon} (overdue first), at most {@code limit}. */
    List<Due> dueWithin(Duration horizon, int limit);

    /** Claims those of {@code ids} that are due, for {@code lease}; one answer per id, in order. */
    List<Claim> claim(List<String> ids, Duration lease, String owner);

    /** Settles the claim once its redelivery was sent; false if the claim is no longer {@code owner}'s. */
    boolean redelivered(String id, int attempts, String owner);

    /** Counts a failed send of the claim; the failed sends so far, or empty if the claim is no longer {@code owner}'s. */
    OptionalInt sendFailed(String id, int attempts, String owner);

    /** Puts the claim back on the schedule, due {@code delay} from now; false if it is no longer {@code owner}'s. */
    boolean release(String id, int attempts, String owner, Duration delay, Duration ttl);

    /** Records that the message is in the dead-letter queue: terminal until its TTL. */
    void deadLettered(String id, String reason, Duration ttl);
}
