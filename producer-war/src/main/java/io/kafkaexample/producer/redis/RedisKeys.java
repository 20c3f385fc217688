package io.kafkaexample.producer.redis;

import io.kafkaexample.common.auth.CredentialVersions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Every Redis key of producer-svc, named in this one place. All carry the hash tag {@code {producer}}, the
 * credential versions too (every service reads them; {@link CredentialVersions#key}): on a Redis Cluster they
 * are in one slot, so that a script may write the user, its indexes, its credential version and the outbox
 * stream in one step. The tests of the Lua scripts put a namespace of their own before the tag (so their keys
 * stay in that slot), so that the running service's outbox relay never publishes, and its user list never
 * shows, what they write.
 */
@ApplicationScoped
public class RedisKeys {

    private final String namespace;

    public RedisKeys() {
        this("");
    }

    /** The same keys under {@code namespace}, for tests (empty for the service's own). */
    public RedisKeys(String namespace) {
        this.namespace = namespace;
    }

    /** Hash of one user. */
    public String user(String id) {
        return namespace + "{producer}:user:" + id;
    }

    /** The id of the user with this username, whatever its case. */
    public String username(String username) {
        return namespace + "{producer}:username:" + username.toLowerCase(Locale.ROOT);
    }

    /** The id of the user with this email, whatever its case. */
    public String email(String email) {
        return namespace + "{producer}:email:" + email.toLowerCase(Locale.ROOT);
    }

    /** Sorted set of user ids by creation time. */
    public String users() {
        return namespace + "{producer}:users";
    }

    /** The user's credential version, which every service reads to refuse revoked tokens. */
    public String credential(String userId) {
        return namespace + CredentialVersions.key(userId);
    }

    /** Set of the ids of the SUPER_ADMIN users, so that the last one is never deleted. */
    public String superAdmins() {
        return namespace + "{producer}:super-admins";
    }

    /** Hash of one refresh token (user, family, credential, used), by the token's SHA-256; expires with the token. */
    public String refreshToken(String hash) {
        return namespace + "{producer}:refresh:" + hash;
    }

    /** Present while a family of refresh tokens (one login and its rotations) is revoked. */
    public String refreshFamilyRevoked(String family) {
        return namespace + "{producer}:refresh-revoked:" + family;
    }

    /** Failed logins of a username in the current window, whatever its case. */
    public String loginFailuresOfUser(String username) {
        return namespace + "{producer}:throttle:login-user:" + username.strip().toLowerCase(Locale.ROOT);
    }

    /** Failed logins from a client address in the current window. */
    public String loginFailuresOfAddress(String address) {
        return namespace + "{producer}:throttle:login-address:" + address;
    }

    /** Sign-ups from a client address in the current window. */
    public String signUpsOfAddress(String address) {
        return namespace + "{producer}:throttle:sign-up-address:" + address;
    }

    /** Hash of one role: name, accessLevel. */
    public String role(int id) {
        return namespace + "{producer}:role:" + id;
    }

    /** Hash of role names to ids. */
    public String roleNames() {
        return namespace + "{producer}:role-names";
    }

    /** The last id given to a created role. */
    public String roleSequence() {
        return namespace + "{producer}:role-seq";
    }

    /** The outbox stream of events waiting for Kafka. */
    public String outbox() {
        return namespace + "{producer}:outbox";
    }

    /** Which instance relays the outbox now (its owner id, with a TTL). */
    public String outboxLease() {
        return namespace + "{producer}:outbox:lease";
    }

    /** Every key of this namespace, as a SCAN pattern: it names the hash tag, so that a cluster finds its node. */
    public String scanPattern() {
        return namespace + "{producer}:*";
    }
}
