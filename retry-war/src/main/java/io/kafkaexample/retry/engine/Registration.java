package io.kafkaexample.retry.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * What counting one side record found: whether it was counted before (a side record read again), the failed
 * attempts so far, the message's state, and when its count was last raised (the store's clock; empty for a
 * message the store does not hold): nothing was given up for this count before that time.
 */
public record Registration(boolean duplicate, int attempts, String state, Optional<Instant> countedAt) {
}
