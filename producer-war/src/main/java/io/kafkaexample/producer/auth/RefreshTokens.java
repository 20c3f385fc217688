package io.kafkaexample.producer.auth;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.producer.outbox.Outbox;
import io.kafkaexample.producer.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;

/**
 * Refresh tokens: random, single use, expiring. Redis keeps only their SHA-256 ({@code producer:refresh:<hash>}
 * → user id, with a TTL), so a copy of Redis hands out no usable token. Issuing one and queueing its
 * {@code token.issued} event are one atomic script; a rotation deletes the used token in that same step.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    // KEYS: user, new token, user's token set, outbox, [used token]; ARGV: user id, ttl ms, new hash, outbox fields (8)
    private static final String ISSUE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 'no-user' end
            if #KEYS == 5 then
              if redis.call('GET', KEYS[5]) ~= ARGV[1] then return 'used' end
              redis.call('DEL', KEYS[5])
              redis.call('SREM', KEYS[3], string.sub(KEYS[5], string.len('producer:refresh:') + 1))
            end
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            redis.call('SADD', KEYS[3], ARGV[3])
            redis.call('PEXPIRE', KEYS[3], ARGV[2])
            redis.call('XADD', KEYS[4], '*', unpack(ARGV, 4, 11))
            return 'ok'
            """;

    @Inject
    RedisClient redis;

    @Inject
    @ConfigProperty(name = "jwt.refresh-lifetime", defaultValue = "P7D")
    Duration lifetime;

    /** Whose token this is, while it is valid and unused. */
    public Optional<String> owner(String token) {
        return Optional.ofNullable(redis.get(key(hash(token))));
    }

    /** A new refresh token for the user, stored with the event of the access token issued with it. */
    public String issue(String userId, CloudEvent tokenIssued) throws ClientError {
        return store(userId, tokenIssued, null);
    }

    /** Replaces a valid, unused token by a new one; the old one is dead afterwards, whoever asks. */
    public String rotate(String userId, String used, CloudEvent tokenIssued) throws ClientError {
        return store(userId, tokenIssued, used);
    }

    public void revokeAll(String userId) {
        String set = UserStore.refreshSetKey(userId);
        for (String hash : redis.smembers(set)) {
            redis.del(key(hash));
        }
        redis.del(set);
    }

    private String store(String userId, CloudEvent event, String used) throws ClientError {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        List<String> keys = new ArrayList<>(List.of(UserStore.userKey(userId), key(hash), UserStore.refreshSetKey(userId), Outbox.STREAM));
        if (used != null) {
            keys.add(key(hash(used)));
        }
        List<String> args = new ArrayList<>(List.of(userId, Long.toString(lifetime.toMillis()), hash));
        args.addAll(Arrays.asList(Outbox.entry(Topics.ISSUED_TOKEN, userId, event)));
        Object result = redis.eval(ISSUE, keys, args);
        switch (String.valueOf(result)) {
            case "ok" -> { return token; }
            case "no-user" -> throw new ClientError("the user no longer exists");
            case "used" -> throw new ClientError("the refresh token is expired or was already used: log in again");
            default -> throw new IllegalStateException("unexpected answer of the issue script: " + result);
        }
    }

    private static String key(String hash) {
        return "producer:refresh:" + hash;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
