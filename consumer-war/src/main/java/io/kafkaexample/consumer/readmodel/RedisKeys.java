package io.kafkaexample.consumer.readmodel;

/**
 * Every Redis key of the consumer; all start with its hash tag {@code {consumer}}, as the services share one
 * Redis, and on a Redis Cluster they are in one slot: each script writes an event's seen key, the user and
 * the one feed in one step.
 */
final class RedisKeys {

    /** The latest applied events, newest first (a list of notification JSON). */
    static final String FEED = "{consumer}:feed";
    private static final String USER = "{consumer}:user:";
    private static final String SEEN = "{consumer}:seen:";
    private static final String DELETED = "{consumer}:deleted:";

    private RedisKeys() {
    }

    /** The hash of one user: the profile of user.created, tokensIssued and lastLoginAt. */
    static String user(String userId) {
        return USER + userId;
    }

    /** Set once the event with this CloudEvent id was applied. */
    static String seen(String eventId) {
        return SEEN + eventId;
    }

    /** Set while a deleted user's late events may still arrive, so that none brings it back. */
    static String deleted(String userId) {
        return DELETED + userId;
    }
}
