package io.kafkaexample.consumer.ingest;

/**
 * A token.issued for a user whose user.created has not been consumed yet: the two topics are independent,
 * so the user's event may simply still be on its way. Retryable.
 */
public class UnknownUserException extends Exception {

    public UnknownUserException(String userId) {
        super("token.issued for user " + userId + ", whose user.created has not been consumed yet");
    }
}
