package io.kafkaexample.retry.engine;

/** The port to the dead-letter queue: returns once the broker has the letter, throws if it could not take it. */
public interface DeadLetters {

    void publish(Letter letter) throws Exception;

    /** A message given up: its record in the store's form, the attempts that failed and why it is given up. */
    record Letter(String id, String originTopic, String key, String record, int attempts, String reason) {
    }
}
