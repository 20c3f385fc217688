package io.kafkaexample.retry.store;

/**
 * What counting one side record found: whether it was counted before (a redelivery of the side topic after
 * a crash), the failed attempts so far, and the message's state.
 */
public record Registration(boolean duplicate, int attempts, String state) {
}
