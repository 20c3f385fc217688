package io.kafkaexample.retry.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * The port to the marks of replayed dead letters (Redis), shared by every instance. A replay holds its letter's
 * mark with an owner and a lease while it sends; each operation is atomic and takes "now" from the store.
 */
public interface ReplayMarks {

    /** What claiming a letter's mark found. */
    sealed interface Mark {
    }

    /** Never replayed: now this replay's, for the lease. */
    record Claimed() implements Mark {
    }

    /** Replayed already, at {@code at} (as recorded). */
    record Replayed(String at) implements Mark {
    }

    /** Another replay holds it for {@code leaseLeft} more. */
    record Busy(Duration leaseLeft) implements Mark {
    }

    /** A replay that started at {@code since} was interrupted (its lease ran out): now this replay's. */
    record TakenOver(Instant since) implements Mark {
    }

    Mark claim(String letter, Duration lease, String owner);

    /** Records the letter replayed at {@code at}; false if {@code owner} no longer holds its mark. */
    boolean replayed(String letter, String owner, Instant at);
}
