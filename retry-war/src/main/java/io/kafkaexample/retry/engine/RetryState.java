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

    /**
     * Counts each failure once per side position, the count never below its header's, in their order (a message
     * reported twice counts twice, the second registration seeing the first): one registration per failure.
     */
    List<Registration> register(List<Failure> failures, Duration ttl);

    default Registration register(Failure failure, Duration ttl) {
        return register(List.of(failure), ttl).get(0);
    }

    /** Puts each message on the schedule, due its delay from now, with the record to redeliver. */
    void schedule(List<Scheduled> retries, Duration ttl);

    /** A retry to put on the schedule. */
    record Scheduled(String id, Duration delay, String record) {
    }

    default void schedule(String id, Duration delay, String record, Duration ttl) {
        schedule(List.of(new Scheduled(id, delay, record)), ttl);
    }

    /** The ids due within {@code horizon} (overdue first), at most {@code limit}. */
    List<Due> dueWithin(Duration horizon, int limit);

    /** Claims those of {@code ids} that are due, for {@code lease}; one answer per id, in order. */
    List<Claim> claim(List<String> ids, Duration lease, String owner);

    /**
     * Settles each claim once its redelivery was sent: one answer per entry, false where the claim is no longer
     * {@code owner}'s.
     */
    List<Boolean> redelivered(List<Attempt> sent, String owner);

    /** One attempt of a message. */
    record Attempt(String id, int attempts) {
    }

    default boolean redelivered(String id, int attempts, String owner) {
        return redelivered(List.of(new Attempt(id, attempts)), owner).get(0);
    }

    /** Counts a failed send of the claim; the failed sends so far, or empty if the claim is no longer {@code owner}'s. */
    OptionalInt sendFailed(String id, int attempts, String owner);

    /** Puts the claim back on the schedule, due {@code delay} from now; false if it is no longer {@code owner}'s. */
    boolean release(String id, int attempts, String owner, Duration delay, Duration ttl);

    /** Records that the messages are in the dead-letter queue: terminal until their TTL. */
    void deadLettered(List<GivenUp> letters, Duration ttl);

    /** A message in the dead-letter queue, and why it was given up. */
    record GivenUp(String id, String reason) {
    }

    default void deadLettered(String id, String reason, Duration ttl) {
        deadLettered(List.of(new GivenUp(id, reason)), ttl);
    }
}
