package io.kafkaexample.consumer.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;

/**
 * The consumer's read model in Redis: {@code consumer:user:<id>} (profile, tokensIssued, lastLoginAt) and
 * {@code consumer:feed} (the latest events). Each event is applied by one script that also records its
 * CloudEvent id ({@code consumer:seen:<id>}), so a redelivered event changes nothing.
 */
@ApplicationScoped
public class ReadModel {

    public static final int FEED_SIZE = 200;
    static final String FEED = "consumer:feed";
    /** Longer than the whole retry window, so a late redelivery is still recognised. */
    static final long SEEN_TTL_SECONDS = 7 * 24 * 3600;

    // KEYS: seen, user, feed; ARGV: ttl, feed entry, feed size, then hash fields
    private static final String USER_CREATED = """
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 'duplicate' end
            redis.call('HSET', KEYS[2], unpack(ARGV, 4))
            redis.call('HSETNX', KEYS[2], 'tokensIssued', '0')
            redis.call('LPUSH', KEYS[3], ARGV[2])
            redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[3]) - 1)
            return 'applied'
            """;

    // KEYS: seen, user, feed; ARGV: ttl, feed entry, feed size, login time
    private static final String TOKEN_ISSUED = """
            if redis.call('EXISTS', KEYS[2]) == 0 then return 'unknown-user' end
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 'duplicate' end
            redis.call('HINCRBY', KEYS[2], 'tokensIssued', 1)
            local last = redis.call('HGET', KEYS[2], 'lastLoginAt')
            if not last or last < ARGV[4] then redis.call('HSET', KEYS[2], 'lastLoginAt', ARGV[4]) end
            redis.call('LPUSH', KEYS[3], ARGV[2])
            redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[3]) - 1)
            return 'applied'
            """;

    public enum Outcome { APPLIED, DUPLICATE, UNKNOWN_USER }

    @Inject
    RedisClient redis;

    public Outcome userCreated(String eventId, String userId, Map<String, String> profile, String feedEntry) {
        List<String> args = new ArrayList<>(List.of(Long.toString(SEEN_TTL_SECONDS), feedEntry, Integer.toString(FEED_SIZE)));
        profile.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        return outcome(redis.eval(USER_CREATED, List.of(seenKey(eventId), userKey(userId), FEED), args));
    }

    public Outcome tokenIssued(String eventId, String userId, String issuedAt, String feedEntry) {
        return outcome(redis.eval(TOKEN_ISSUED, List.of(seenKey(eventId), userKey(userId), FEED),
                List.of(Long.toString(SEEN_TTL_SECONDS), feedEntry, Integer.toString(FEED_SIZE), issuedAt)));
    }

    public Optional<Map<String, String>> user(String id) {
        Map<String, String> hash = redis.hgetAll(userKey(id));
        return hash.isEmpty() ? Optional.empty() : Optional.of(hash);
    }

    /** The latest feed entries, newest first. */
    public List<String> feed(int limit) {
        return redis.lrange(FEED, 0, limit - 1L);
    }

    private static Outcome outcome(Object answer) {
        return switch (String.valueOf(answer)) {
            case "applied" -> Outcome.APPLIED;
            case "duplicate" -> Outcome.DUPLICATE;
            case "unknown-user" -> Outcome.UNKNOWN_USER;
            default -> throw new IllegalStateException("unexpected answer of the read-model script: " + answer);
        };
    }

    private static String userKey(String id) {
        return "consumer:user:" + id;
    }

    private static String seenKey(String eventId) {
        return "consumer:seen:" + eventId;
    }
}
