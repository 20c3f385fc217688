package io.kafkaexample.retry.engine;

import java.util.Optional;

/**
 * One failure a consumer reported on the side topic, as the engine sees it.
 *
 * @param id             the retry id: hash of (group, origin topic, value)
 * @param headerAttempts the attempts the record's header counts (never counts low, may count high)
 * @param sidePosition   where the report sits on the side topic: a report read again is not counted again
 * @param failedPosition where the record the consumer failed on sits, if the report says: a consumer that applied
 *                       that record again after a crash reports the same failure again, not a new one
 * @param record         the record to redeliver, in the store's form (opaque to the engine)
 */
public record Failure(String id, String originTopic, String key, String group, Optional<String> replyTo, int headerAttempts,
                      boolean retryable, String error, String sidePosition, Optional<String> failedPosition,
                      String record) {
}
