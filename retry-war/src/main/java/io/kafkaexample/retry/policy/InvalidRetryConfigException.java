package io.kafkaexample.retry.policy;

/** A retry setting out of range; the message starts with the config key, so an operator knows what to fix. */
public class InvalidRetryConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidRetryConfigException(String message) {
        super(message);
    }
}
