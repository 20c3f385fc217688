package io.kafkaexample.common.event;

/** A record value that is not a CloudEvent this system understands: retrying cannot fix it. */
public class InvalidEventException extends Exception {

    public InvalidEventException(String message) {
        super(message);
    }
}
