package io.kafkaexample.retry.engine;

import java.time.Duration;

/** An id on the schedule and how long until it is due, by the store's clock (zero or negative: overdue). */
public record Due(String id, Duration dueIn) {

    boolean overdue() {
        return dueIn.isNegative() || dueIn.isZero();
    }
}
