package io.kafkaexample.retry.engine;

/**
 * What counting one side record found: whether it was counted before (a side record read again), the failed
 * attempts so far, and the message's state.
 */
public record Registration(boolean duplicate, int attempts, String state) {
}
