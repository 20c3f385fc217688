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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

/**
 * Refresh tokens: random, single use, expiring. Redis keeps only their SHA-256 (token key to user id, with
 * a TTL), so a copy of Redis hands out no usable token. Issuing one and queueing its {@code token.issued}
 * event are one atomic script; a rotation deletes the used token in that same step.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RedisScript ISSUE = RedisScript.load(RefreshTokens.class, "refresh-issue");
    private static final RedisScript ROTATE = RedisScript.load(RefreshTokens.class, "refresh-rotate");
    private static final RedisScript REVOKE = RedisScript.load(RefreshTokens.class, "refresh-revoke");

    @Inject
    RedisClient redis;

    @Inject
    RedisKeys keys;

    @Inject
    Outbox outbox;

    @Inject
    TokenConfig config;

    /** Whose token this is, while it is valid and unused. */
    public Optional<String> owner(String token) {
        return Optional.ofNullable(redis.get(keys.refreshToken(hash(token))));
    }

    /** A new refresh token for the user, stored with the event of the access token issued with it. */
    public String issue(String userId, CloudEvent tokenIssued) throws ClientError {
        String token = newToken();
        String hash = hash(token);
        Object result = outbox.write(ISSUE,
                List.of(keys.user(userId), keys.refreshToken(hash), keys.userRefreshTokens(userId)),
                List.of(userId, lifetimeMillis(), hash), new OutboxEntry(Topics.ISSUED_TOKEN, userId, tokenIssued));
        return answer(result, token);
    }

    /** Replaces a valid, unused token by a new one; the old one is dead afterwards, whoever asks. */
    public String rotate(String userId, String used, CloudEvent tokenIssued) throws ClientError {
        String token = newToken();
        String hash = hash(token);
        String usedHash = hash(used);
        Object result = outbox.write(ROTATE,
                List.of(keys.user(userId), keys.refreshToken(hash), keys.userRefreshTokens(userId), keys.refreshToken(usedHash)),
                List.of(userId, lifetimeMillis(), hash, usedHash), new OutboxEntry(Topics.ISSUED_TOKEN, userId, tokenIssued));
        return answer(result, token);
    }

    /** Every refresh token of the user is dead afterwards, also one issued while this runs. */
    public void revokeAll(String userId) {
        String set = keys.userRefreshTokens(userId);
        List<String> hashes = List.copyOf(redis.smembers(set));
        while (!hashes.isEmpty()) {
            List<String> scriptKeys = new ArrayList<>(List.of(set));
            hashes.forEach(hash -> scriptKeys.add(keys.refreshToken(hash)));
            Object remaining = REVOKE.eval(redis, scriptKeys, hashes);
            hashes = Long.valueOf(0).equals(remaining) ? List.of() : List.copyOf(redis.smembers(set));
        }
    }

    private String lifetimeMillis() {
        return Long.toString(config.refreshLifetime().toMillis());
    }

    private static String answer(Object result, String token) throws ClientError {
        switch (String.valueOf(result)) {
            case "ok" -> { return token; }
            case "no-user" -> throw new ClientError("the user no longer exists");
            case "used" -> throw new ClientError("the refresh token is expired or was already used: log in again");
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
