package io.kafkaexample.common.batch;

import io.kafkaexample.common.config.ConfigValues;
import java.time.Duration;

/**
 * How the incoming channels batch (defaults in common's microprofile-config.properties): at most {@code size}
 * messages a batch, closed {@code maxWait} after its first message (or once the batch before it is done); a
 * message unacknowledged for longer than {@code maxUnackedAge} makes the service not ready.
 */
public record BatchSettings(int size, Duration maxWait, Duration maxUnackedAge) {

    public static final String SIZE = "ingest.batch-size";
    public static final String WAIT = "ingest.batch-wait";
    public static final String MAX_UNACKED_AGE = "ingest.max-unacked-age";

    /** The checked settings: a size of at least 1, a wait of zero or more, a positive maximum age. */
    public static BatchSettings of(String size, String wait, String maxUnackedAge) {
        Duration batchWait = ConfigValues.duration(WAIT, wait);
        if (batchWait.isNegative()) {
            throw ConfigValues.invalid(WAIT, wait, "it must not be negative");
        }
        return new BatchSettings(ConfigValues.positiveInt(SIZE, size), batchWait, ConfigValues.positiveDuration(MAX_UNACKED_AGE, maxUnackedAge));
    }

    /**
     * Checks that channel {@code channel}'s connector lets a whole batch be unacknowledged at once; with less, a
     * batch would only ever close by its wait.
     */
    public void requireUnackedLimit(String channel, int unackedLimit) {
        if (unackedLimit < size) {
            throw ConfigValues.invalid("mp.messaging.incoming." + channel + ".unacked.limit", Integer.toString(unackedLimit),
                    "it must be at least " + SIZE + " (" + size + ")");
        }
    }
}
