package io.kafkaexample.retry.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The port to the dead-letter queue. */
public interface DeadLetters {

    /**
     * Publishes the letters, every one sent before any is waited for: those the broker took, and why it did not
     * take the others, if it did not take them all.
     */
    Published publish(List<Letter> letters);

    /**
     * The ids of {@code letters} already on the queue with their count, sent at {@code since} or later: a letter can
     * land without its instance recording it (killed after the broker took it, or told the send failed when the
     * broker appended it after all), so it is looked for before it is sent again. Throws if the queue cannot be read.
     */
    Set<String> landed(List<Letter> letters, Instant since) throws Exception;

    /** Returns once the broker has the letter; throws if it could not take it. */
    default void publish(Letter letter) throws Exception {
        Optional<Exception> failure = publish(List.of(letter)).failure();
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    /** A message given up: its record in the store's form, the attempts that failed and why it is given up. */
    record Letter(String id, String originTopic, String key, String record, int attempts, String reason) {
    }

    /** What the broker took of a publish, and the first failure if it did not take everything. */
    record Published(List<Letter> taken, Optional<Exception> failure) {
    }
}
