package io.kafkaexample.common.auth;

import java.util.Optional;

/**
 * The credential version of each user: producer-svc sets it to 1 when the user is created, raises it when
 * the password changes and removes it with the user. An access token carries the version it was issued
 * under ({@link TokenClaims#CREDENTIAL}), so every service refuses the tokens of a deleted user or of an
 * old password at once, not when they expire.
 */
public interface CredentialVersions {

    /**
     * The Redis key, shared by all services: producer-svc writes it, the others only read it. It carries
     * producer-svc's hash tag, so that on a Redis Cluster it is in the slot of the user it is written with.
     */
    static String key(String userId) {
        return "{producer}:credential:" + userId;
    }

    /** The user's current version; empty when the user no longer exists. */
    Optional<Long> current(String userId);
}
