package io.kafkaexample.producer.auth;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.producer.outbox.Outbox;
import io.kafkaexample.producer.outbox.OutboxEntry;
import io.kafkaexample.producer.redis.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import redis.clients.jedis.UnifiedJedis;

/**
 * Refresh tokens: random, single use, expiring. Redis keeps only their SHA-256, so a copy of Redis hands
 * out no usable token. A login starts a family; each rotation continues it. A token is valid only under the
 * credential version it was issued with (a password change or a deletion kills every token at once), and
 * a used token presented again revokes its family (RFC 9700). Issuing a token and queueing its
 * {@code token.issued} event are one atomic script.
 */
@ApplicationScoped
public class RefreshTokens {

    static final String EXPIRED = "the refresh token is expired or was already used: log in again";
    static final String REVOKED = "the refresh token was revoked (the password changed, or it was used twice): log in again";
    static final String REUSED = "this refresh token was used before: every token of that login is revoked now; log in again";
    private static final Logger LOG = Logger.getLogger(RefreshTokens.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RedisScript ISSUE = RedisScript.load(RefreshTokens.class, "refresh-issue");
    private static final RedisScript ROTATE = RedisScript.load(RefreshTokens.class, "refresh-rotate");

    @Inject
    UnifiedJedis redis;

    @Inject
    RedisKeys keys;

    @Inject
    Outbox outbox;

    @Inject
    TokenConfig config;

    /** A refresh token as stored: whose it is, its family, and the credential version it was issued under. */
    public record Stored(String userId, String family, long credential) {
    }

    /** What Redis holds for this token, while it has not expired (used or not: the rotation tells). */
    public Optional<Stored> find(String token) {
        Map<String, String> hash = redis.hgetAll(keys.refreshToken(hash(token)));
        return hash.isEmpty() ? Optional.empty()
                : Optional.of(new Stored(hash.get("user"), hash.get("family"), Long.parseLong(hash.get("credential"))));
    }

    /** The first refresh token of a login, stored with the event of the access token issued with it. */
    public String issue(String userId, long credential, CloudEvent tokenIssued) throws ClientError {
        String token = newToken();
        Object result = outbox.write(ISSUE, List.of(keys.credential(userId), keys.refreshToken(hash(token))),
                List.of(userId, lifetimeMillis(), Long.toString(credential), UUID.randomUUID().toString()),
                new OutboxEntry(Topics.ISSUED_TOKEN, userId, tokenIssued));
        return answer(result, token, userId);
    }

    /** Replaces a valid, unused token by the next of its family; the used one is dead afterwards, whoever asks. */
    public String rotate(Stored used, String usedToken, long credential, CloudEvent tokenIssued) throws ClientError {
        String token = newToken();
        Object result = outbox.write(ROTATE, List.of(keys.credential(used.userId()), keys.refreshToken(hash(usedToken)),
                        keys.refreshToken(hash(token)), keys.refreshFamilyRevoked(used.family())),
                List.of(used.userId(), lifetimeMillis(), Long.toString(credential), used.family()),
                new OutboxEntry(Topics.ISSUED_TOKEN, used.userId(), tokenIssued));
        return answer(result, token, used.userId());
    }

    private String lifetimeMillis() {
        return Long.toString(config.refreshLifetime().toMillis());
    }

    private static String answer(Object result, String token, String userId) throws ClientError {
        switch (String.valueOf(result)) {
            case "ok" -> { return token; }
            case "no-user" -> throw new ClientError("the user no longer exists");
            case "used" -> throw new ClientError(EXPIRED);
            case "revoked" -> throw new ClientError(REVOKED);
            case "reused" -> {
                LOG.warning(() -> "a used refresh token of user " + userId + " was presented again: its family is revoked");
                throw new ClientError(REUSED);
            }
            default -> throw new IllegalStateException("unexpected answer of a refresh token script: " + result);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
