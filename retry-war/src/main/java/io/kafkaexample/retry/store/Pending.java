package io.kafkaexample.retry.store;

import java.time.Instant;

/** A retry on the schedule, as the read side shows it. */
public record Pending(String id, String originTopic, String key, int attempts, Instant dueAt, String lastError,
                      String state, Instant firstFailureAt) {
}
