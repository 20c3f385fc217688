package io.kafkaexample.consumer.readmodel;

import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.common.redis.ScriptPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * The consumer's read model in Redis (keys in {@link RedisKeys}): one hash per user and the feed of the
 * latest events; a deleted user leaves both. Each event is applied by one script (src/main/resources/redis) that also records its
 * CloudEvent id, so a redelivered event changes nothing; a batch of events is applied in one pipeline.
 */
@ApplicationScoped
public class ReadModel {

    public static final int FEED_SIZE = 200;
    /** Longer than the whole retry window, so a late redelivery is still recognised. */
    static final long SEEN_TTL_SECONDS = 7 * 24 * 3600;

    static final RedisScript USER_CREATED = RedisScript.load(ReadModel.class, "user-created");
    static final RedisScript TOKEN_ISSUED = RedisScript.load(ReadModel.class, "token-issued");
    static final RedisScript USER_DELETED = RedisScript.load(ReadModel.class, "user-deleted");

    /** DELETED: the event is of a user deleted since; like DUPLICATE, nothing changed and nothing is retried. */
    public enum Outcome { APPLIED, DUPLICATE, DELETED, UNKNOWN_USER }

    @Inject
    UnifiedJedis redis;

    /** The change a user.created event makes, for {@link #apply}. */
    public static ScriptPipeline.Call userCreated(String eventId, String userId, Map<String, String> profile, String feedEntry) {
        List<String> args = new ArrayList<>(List.of(Long.toString(SEEN_TTL_SECONDS), feedEntry, Integer.toString(FEED_SIZE)));
        profile.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        return new ScriptPipeline.Call(USER_CREATED, keys(eventId, userId), args);
    }

    /** The change a token.issued event makes, for {@link #apply}. */
    public static ScriptPipeline.Call tokenIssued(String eventId, String userId, String issuedAt, String feedEntry) {
        return new ScriptPipeline.Call(TOKEN_ISSUED, keys(eventId, userId),
                List.of(Long.toString(SEEN_TTL_SECONDS), feedEntry, Integer.toString(FEED_SIZE), issuedAt));
    }

    /** The change a user.deleted event makes, for {@link #apply}. */
    public static ScriptPipeline.Call userDeleted(String eventId, String userId) {
        return new ScriptPipeline.Call(USER_DELETED, keys(eventId, userId), List.of(Long.toString(SEEN_TTL_SECONDS), userId));
    }

    /**
     * Applies the changes in one round trip, in their order: one answer per change, its outcome or the error of
     * that change alone. Throws when the round trip failed as a whole; then any of them may have been applied.
     */
    public List<Answer> apply(List<ScriptPipeline.Call> changes) {
        return ScriptPipeline.run(redis, changes).stream().map(ReadModel::answer).toList();
    }

    /** What applying one change did: its outcome, or the error Redis gave for it. */
    public record Answer(Outcome outcome, RuntimeException error) {
    }

    public Optional<Map<String, String>> user(String id) {
        Map<String, String> hash = redis.hgetAll(RedisKeys.user(id));
        return hash.isEmpty() ? Optional.empty() : Optional.of(hash);
    }

    /** The latest feed entries, newest first. */
    public List<String> feed(int limit) {
        return redis.lrange(RedisKeys.FEED, 0, limit - 1L);
    }

    /** The KEYS of the three scripts. */
    static List<String> keys(String eventId, String userId) {
        return List.of(RedisKeys.seen(eventId), RedisKeys.user(userId), RedisKeys.FEED, RedisKeys.deleted(userId));
    }

    private static Answer answer(ScriptPipeline.Reply reply) {
        if (reply.failed()) {
            return new Answer(null, reply.error());
        }
        try {
            return new Answer(outcome(reply.value()), null);
        } catch (IllegalStateException e) {
            return new Answer(null, e);
        }
    }

    private static Outcome outcome(Object answer) {
        return switch (String.valueOf(answer)) {
            case "applied" -> Outcome.APPLIED;
            case "duplicate" -> Outcome.DUPLICATE;
            case "deleted" -> Outcome.DELETED;
            case "unknown-user" -> Outcome.UNKNOWN_USER;
            default -> throw new IllegalStateException("unexpected answer of the read-model script: " + answer);
        };
    }
}
