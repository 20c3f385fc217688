package io.kafkaexample.common.graphql;

/**
 * A mistake of the caller (bad input, missing or invalid token, no permission). Checked on purpose:
 * MicroProfile GraphQL shows the message of a checked exception in {@code errors} and hides every
 * unchecked one behind a generic "Server Error", so only messages written for clients reach them.
 */
public class ClientError extends Exception {

    public ClientError(String message) {
        super(message, null, false, false);
    }
}
