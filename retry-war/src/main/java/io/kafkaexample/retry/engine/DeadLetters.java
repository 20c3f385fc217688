package io.kafkaexample.retry.engine;

import java.util.List;
import java.util.Optional;

/** The port to the dead-letter queue. */
public interface DeadLetters {

    /**
     * Publishes the letters, every one sent before any is waited for: those the broker took, and why it did not
     * take the others, if it did not take them all.
     */
    Published publish(List<Letter> letters);

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
