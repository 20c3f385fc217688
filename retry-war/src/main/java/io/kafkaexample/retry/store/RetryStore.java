package io.kafkaexample.retry.store;

import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.retry.message.FailedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.RedisClient;

/**
 * Every change to retry-war's state in Redis (see {@link RedisKeys}). Each is one Lua script of
 * {@code src/main/resources/redis}, so counting, scheduling and claiming are atomic across threads and
 * instances, and a message's TTL (its whole backoff window plus a margin) is set by the script that writes
 * it. Times are epoch milliseconds.
 */
@ApplicationScoped
public class RetryStore {

    private static final RedisScript REGISTER = RedisScript.load(RetryStore.class, "register");
    private static final RedisScript SCHEDULE = RedisScript.load(RetryStore.class, "schedule");
    private static final RedisScript CLAIM = RedisScript.load(RetryStore.class, "claim");
    private static final RedisScript REDELIVERED = RedisScript.load(RetryStore.class, "redelivered");
    private static final RedisScript RELEASE = RedisScript.load(RetryStore.class, "release");
    private static final RedisScript DEAD_LETTERED = RedisScript.load(RetryStore.class, "dead-lettered");
    private static final RedisScript FORGET = RedisScript.load(RetryStore.class, "forget");

    @Inject
    RedisClient redis;

    // another namespace only in the scripts' tests
    RedisKeys keys = RedisKeys.LIVE;

    /** Counts the failure {@code message} reports, once per side-topic record. */
    public Registration register(FailedMessage message, Duration ttl, Instant now) {
        List<?> result = (List<?>) REGISTER.eval(redis, List.of(keys.message(message.id()), keys.due()), List.of(
                message.sidePosition(), Integer.toString(message.attempts()), seconds(ttl), millis(now),
                message.originTopic(), message.key() == null ? "" : message.key(), message.error(), millis(now),
                message.replyTo().orElse(""), message.group(), message.id()));
        return new Registration("duplicate".equals(result.get(0)), ((Long) result.get(1)).intValue(), (String) result.get(2));
    }

    public void schedule(String id, Instant dueAt, StoredRecord record, Duration ttl) {
        SCHEDULE.eval(redis, List.of(keys.message(id), keys.due(), keys.stats()),
                List.of(id, millis(dueAt), record.toJson(), seconds(ttl)));
    }

    /** Claims those of {@code ids} that are due at {@code now}, for {@code lease}; one answer per id, in order. */
    public List<Claim> claim(List<String> ids, Instant now, Duration lease, String owner) {
        List<String> scriptKeys = new ArrayList<>(List.of(keys.due()));
        ids.forEach(id -> scriptKeys.add(keys.message(id)));
        List<String> args = new ArrayList<>(List.of(millis(now), millis(now.plus(lease)), owner));
        args.addAll(ids);
        List<Claim> claims = new ArrayList<>();
        for (Object row : (List<?>) CLAIM.eval(redis, scriptKeys, args)) {
            List<?> fields = (List<?>) row;
            String id = (String) fields.get(0);
            claims.add(switch ((String) fields.get(1)) {
                case "claimed" -> new Claim.Claimed(id, StoredRecord.parse((String) fields.get(2)),
                        Integer.parseInt((String) fields.get(3)), instant((String) fields.get(4)), (String) fields.get(5),
                        (String) fields.get(6));
                case "not-due" -> new Claim.NotDue(id, instant((String) fields.get(2)));
                case "done" -> new Claim.Done(id);
                default -> new Claim.Lost(id);
            });
        }
        return claims;
    }

    /**
     * Settles the claim of attempt {@code attempts} held by {@code owner} once its redelivery was sent; false if
     * that claim is gone (settled, superseded by a newer failure, or taken over by another instance).
     */
    public boolean redelivered(String id, int attempts, String owner, Instant now) {
        return Long.valueOf(1).equals(REDELIVERED.eval(redis, List.of(keys.message(id), keys.due(), keys.stats()),
                List.of(millis(now), id, Integer.toString(attempts), owner)));
    }

    /** Puts the claim of attempt {@code attempts} held by {@code owner} back on the schedule; false if that claim is gone. */
    public boolean release(String id, int attempts, String owner, Instant retryAt) {
        return Long.valueOf(1).equals(RELEASE.eval(redis, List.of(keys.message(id), keys.due()),
                List.of(id, millis(retryAt), Integer.toString(attempts), owner)));
    }

    public void deadLettered(String id, Instant now, String reason, Duration ttl) {
        DEAD_LETTERED.eval(redis, List.of(keys.message(id), keys.due(), keys.stats()),
                List.of(id, millis(now), reason, seconds(ttl)));
    }

    /**
     * Forgets a dead-lettered message, so that a replay of it starts a fresh count; false (and nothing
     * changed) if the message is being retried again right now.
     */
    public boolean forget(String id) {
        return Long.valueOf(1).equals(FORGET.eval(redis, List.of(keys.message(id), keys.due()), List.of(id)));
    }

    static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static String seconds(Duration ttl) {
        return Long.toString(ttl.toSeconds());
    }
}
