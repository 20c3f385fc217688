package io.kafkaexample.consumer.ingest;

import io.kafkaexample.common.event.InvalidEventException;

/** Which failures a retry can fix. */
public final class Failures {

    private Failures() {
    }

    /** Everything but a record that is not a valid event of a known type: Redis errors, unknown users, bugs. */
    public static boolean retryable(Throwable failure) {
        return !(failure instanceof InvalidEventException);
    }
}
