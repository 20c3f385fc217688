package io.kafkaexample.common.event;

/** The CloudEvent types of the contract and the source that emits them. */
public final class EventTypes {

    public static final String SOURCE_PRODUCER = "/producer-svc";
    public static final String USER_CREATED = "user.created";
    public static final String TOKEN_ISSUED = "token.issued";
    /** On the topic and key of the user's user.created, so that it comes after it in the same partition. */
    public static final String USER_DELETED = "user.deleted";

    private EventTypes() {
    }
}
