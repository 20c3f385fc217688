package io.kafkaexample.producer.redis;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Every Redis key of producer-svc, named in this one place. The service uses the prefix {@code producer:};
 * the tests of the Lua scripts use a prefix of their own, so that the running service's outbox relay never
 * publishes, and its user list never shows, what they write.
 */
@ApplicationScoped
public class RedisKeys {

    static final String SERVICE_PREFIX = "producer:";

    private final String prefix;

    public RedisKeys() {
        this(SERVICE_PREFIX);
    }

    public RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** Hash of one user. */
    public String user(String id) {
        return prefix + "user:" + id;
    }

    /** The id of the user with this username, whatever its case. */
    public String username(String username) {
        return prefix + "username:" + username.toLowerCase(Locale.ROOT);
    }

    /** The id of the user with this email, whatever its case. */
    public String email(String email) {
        return prefix + "email:" + email.toLowerCase(Locale.ROOT);
    }

    /** Sorted set of user ids by creation time. */
    public String users() {
        return prefix + "users";
    }

    /** Set of the SHA-256 hashes of a user's refresh tokens, so that all can be revoked at once. */
    public String userRefreshTokens(String userId) {
        return prefix + "user-refresh:" + userId;
    }

    /** The user id a refresh token belongs to, by the token's SHA-256; expires with the token. */
    public String refreshToken(String hash) {
        return prefix + "refresh:" + hash;
    }

    /** Hash of one role: name, accessLevel. */
    public String role(int id) {
        return prefix + "role:" + id;
    }

    /** Hash of role names to ids. */
    public String roleNames() {
        return prefix + "role-names";
    }

    /** The last id given to a created role. */
    public String roleSequence() {
        return prefix + "role-seq";
    }

    /** The outbox stream of events waiting for Kafka. */
    public String outbox() {
        return prefix + "outbox";
    }

    /** Which instance relays the outbox now (its owner id, with a TTL). */
    public String outboxLease() {
        return outbox() + ":lease";
    }
}
