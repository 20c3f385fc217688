package io.kafkaexample.retry.retry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.resps.Tuple;

/**
 * retry-war's state in Redis. Per failing message a hash {@code retry:msg:<id>} (attempts, first failure,
 * last error, due time, state, where to reply, the record itself), with a TTL of the whole backoff window
 * plus a margin, set by the same script that writes it. The schedule is the sorted set {@code retry:due}
 * (member: id, score: due time in epoch ms). Every change is one Lua script, so counting, scheduling and
 * claiming are atomic across threads and instances. Times are epoch milliseconds.
 */
@ApplicationScoped
public class RetryStore {

    static final String PREFIX = "retry:msg:";
    static final String DUE = "retry:due";
    static final String STATS = "retry:stats";

    // KEYS: hash, due; ARGV: side position, header attempts, ttl s, now, origin topic, key, error, first failure,
    // reply-to, group, id. A side-topic record seen again (a crash before its offset was committed) is not counted
    // again. A new failure takes the message off the schedule until its own retry is scheduled.
    private static final String REGISTER = """
            local h = KEYS[1]
            if redis.call('HGET', h, 'side') == ARGV[1] then
              return {'duplicate', tonumber(redis.call('HGET', h, 'attempts')), redis.call('HGET', h, 'state') or ''}
            end
            local attempts = math.max(tonumber(redis.call('HGET', h, 'attempts') or '0') + 1, tonumber(ARGV[2]))
            redis.call('HSET', h, 'side', ARGV[1], 'attempts', attempts, 'state', 'received', 'updatedAt', ARGV[4],
              'topic', ARGV[5], 'key', ARGV[6], 'error', ARGV[7], 'replyTo', ARGV[9], 'group', ARGV[10])
            redis.call('HSETNX', h, 'firstFailureAt', ARGV[8])
            redis.call('EXPIRE', h, ARGV[3])
            redis.call('ZREM', KEYS[2], ARGV[11])
            return {'new', attempts, 'received'}
            """;

    // KEYS: hash, due, stats; ARGV: id, due at, record, ttl s
    private static final String SCHEDULE = """
            redis.call('HSET', KEYS[1], 'state', 'scheduled', 'dueAt', ARGV[2], 'record', ARGV[3])
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
            redis.call('HINCRBY', KEYS[3], 'scheduled', 1)
            """;

    // ARGV: prefix, now, lease until, owner, then ids. Claims each id that is due (or whose lease ran out):
    // its score moves to the lease's end, so if this instance dies the entry is due again for another one.
    private static final String CLAIM = """
            local out = {}
            for i = 5, #ARGV do
              local id = ARGV[i]
              local h = ARGV[1] .. id
              local due = redis.call('ZSCORE', KEYS[1], id)
              if not due then
                table.insert(out, {id, redis.call('EXISTS', h) == 1 and 'done' or 'lost'})
              elseif redis.call('EXISTS', h) == 0 then
                redis.call('ZREM', KEYS[1], id)
                table.insert(out, {id, 'lost'})
              elseif tonumber(due) > tonumber(ARGV[2]) then
                table.insert(out, {id, 'not-due', due})
              else
                redis.call('ZADD', KEYS[1], ARGV[3], id)
                redis.call('HSET', h, 'state', 'claimed', 'claimedBy', ARGV[4], 'leaseUntil', ARGV[3])
                local f = redis.call('HMGET', h, 'record', 'attempts', 'dueAt', 'replyTo', 'topic')
                table.insert(out, {id, 'claimed', f[1], f[2], f[3], f[4], f[5]})
              end
            end
            return out
            """;

    // KEYS: due, stats; ARGV: prefix, now, id, attempts. Only the claim that was sent is settled: the consumer may
    // have failed on the redelivery already, and its next retry (one attempt more) must stay on the schedule.
    private static final String REDELIVERED = """
            local h = ARGV[1] .. ARGV[3]
            redis.call('HINCRBY', KEYS[2], 'redelivered', 1)
            if redis.call('HGET', h, 'state') == 'claimed' and redis.call('HGET', h, 'attempts') == ARGV[4] then
              redis.call('ZREM', KEYS[1], ARGV[3])
              redis.call('HSET', h, 'state', 'redelivered', 'redeliveredAt', ARGV[2])
            end
            """;

    // KEYS: hash, due; ARGV: id, retry at, attempts. A redelivery that could not be sent waits for its next turn.
    private static final String RELEASE = """
            if redis.call('HGET', KEYS[1], 'state') ~= 'claimed' or redis.call('HGET', KEYS[1], 'attempts') ~= ARGV[3] then
              return 0
            end
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
            redis.call('HSET', KEYS[1], 'state', 'scheduled')
            return 1
            """;

    // KEYS: hash, due, stats; ARGV: id, now, reason, ttl s. Terminal: off the schedule, kept so a duplicate stays dead.
    private static final String DEAD_LETTERED = """
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HSET', KEYS[1], 'state', 'dead-lettered', 'deadLetteredAt', ARGV[2], 'dlqReason', ARGV[3])
            redis.call('HDEL', KEYS[1], 'record')
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            redis.call('HINCRBY', KEYS[3], 'deadLettered', 1)
            """;

    public record Registration(boolean duplicate, int attempts, String state) {
    }

    /** What a claim found for one id. */
    public sealed interface Claim {
        String id();
    }

    public record Claimed(String id, StoredRecord record, int attempts, Instant dueAt, String replyTo, String originTopic)
            implements Claim {
    }

    /** Due later (another instance holds its lease, or it was rescheduled). */
    public record NotDue(String id, Instant dueAt) implements Claim {
    }

    /** Redelivered or dead-lettered already. */
    public record Done(String id) implements Claim {
    }

    /** Redis no longer knows it (flushed, or expired): only an in-memory copy can still deliver it. */
    public record Lost(String id) implements Claim {
    }

    public record Pending(String id, String originTopic, String key, int attempts, Instant dueAt, String lastError,
                          String state, Instant firstFailureAt) {
    }

    @Inject
    RedisClient redis;

    public Registration register(FailedMessage message, Duration ttl, Instant now) {
        List<?> result = (List<?>) redis.eval(REGISTER, List.of(hash(message.id()), DUE), List.of(
                message.sidePosition(), Integer.toString(message.attempts()), Long.toString(ttl.toSeconds()), millis(now),
                message.originTopic(), message.key() == null ? "" : message.key(), message.error(), millis(now),
                message.replyTo().orElse(""), message.group(), message.id()));
        return new Registration("duplicate".equals(result.get(0)), ((Long) result.get(1)).intValue(), (String) result.get(2));
    }

    public void schedule(String id, Instant dueAt, StoredRecord record, Duration ttl) {
        redis.eval(SCHEDULE, List.of(hash(id), DUE, STATS),
                List.of(id, millis(dueAt), record.toJson(), Long.toString(ttl.toSeconds())));
    }

    /** Claims those of {@code ids} that are due at {@code now}, for {@code lease}. */
    public List<Claim> claim(List<String> ids, Instant now, Duration lease, String owner) {
        List<String> args = new ArrayList<>(List.of(PREFIX, millis(now), millis(now.plus(lease)), owner));
        args.addAll(ids);
        List<Claim> claims = new ArrayList<>();
        for (Object row : (List<?>) redis.eval(CLAIM, List.of(DUE), args)) {
            List<?> fields = (List<?>) row;
            String id = (String) fields.get(0);
            claims.add(switch ((String) fields.get(1)) {
                case "claimed" -> new Claimed(id, StoredRecord.parse((String) fields.get(2)), Integer.parseInt((String) fields.get(3)),
                        instant((String) fields.get(4)), (String) fields.get(5), (String) fields.get(6));
                case "not-due" -> new NotDue(id, instant((String) fields.get(2)));
                case "done" -> new Done(id);
                default -> new Lost(id);
            });
        }
        return claims;
    }

    /** The ids due at {@code now} (their leases, if any, ran out), the most overdue first. */
    public List<String> overdue(Instant now, int limit) {
        return redis.zrangeByScore(DUE, 0, now.toEpochMilli(), 0, limit);
    }

    /** Settles the claim of attempt {@code attempts} once its redelivery was sent. */
    public void redelivered(String id, int attempts, Instant now) {
        redis.eval(REDELIVERED, List.of(DUE, STATS), List.of(PREFIX, millis(now), id, Integer.toString(attempts)));
    }

    /** Puts the claim of attempt {@code attempts} back on the schedule at {@code retryAt}; false if that claim is gone. */
    public boolean release(String id, int attempts, Instant retryAt) {
        return Long.valueOf(1).equals(redis.eval(RELEASE, List.of(hash(id), DUE),
                List.of(id, millis(retryAt), Integer.toString(attempts))));
    }

    public void deadLettered(String id, Instant now, String reason, Duration ttl) {
        redis.eval(DEAD_LETTERED, List.of(hash(id), DUE, STATS),
                List.of(id, millis(now), reason, Long.toString(ttl.toSeconds())));
    }

    /** Forgets a message, so that a replay of it starts a fresh count. */
    public void forget(String id) {
        redis.zrem(DUE, id);
        redis.del(hash(id));
    }

    public List<Pending> pending(int limit) {
        List<Pending> pending = new ArrayList<>();
        for (Tuple entry : redis.zrangeWithScores(DUE, 0, limit - 1L)) {
            String id = entry.getElement();
            Map<String, String> fields = redis.hgetAll(hash(id));
            if (fields.isEmpty()) {
                continue;
            }
            pending.add(new Pending(id, fields.get("topic"), emptyToNull(fields.get("key")),
                    Integer.parseInt(fields.getOrDefault("attempts", "0")),
                    instant(fields.getOrDefault("dueAt", Long.toString((long) entry.getScore()))),
                    fields.get("error"), fields.get("state"), Optional.ofNullable(fields.get("firstFailureAt")).map(RetryStore::instant).orElse(null)));
        }
        return pending;
    }

    public long pendingCount() {
        return redis.zcard(DUE);
    }

    /** The earliest score on the schedule: a due time, or the end of a lease. */
    public Optional<Instant> earliestDue() {
        List<Tuple> first = redis.zrangeWithScores(DUE, 0, 0);
        return first.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli((long) first.get(0).getScore()));
    }

    public Map<String, String> stats() {
        return redis.hgetAll(STATS);
    }

    static String hash(String id) {
        return PREFIX + id;
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
