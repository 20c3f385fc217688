package io.kafkaexample.retry.store;

import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.common.redis.ScriptPipeline;
import io.kafkaexample.retry.engine.Claim;
import io.kafkaexample.retry.engine.Due;
import io.kafkaexample.retry.engine.Failure;
import io.kafkaexample.retry.engine.Registration;
import io.kafkaexample.retry.engine.RetryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import redis.clients.jedis.UnifiedJedis;

/**
 * retry-war's state in Redis (see {@link RedisKeys}): the engine's {@link RetryState}, plus the forget of a
 * replay. Each operation is one Lua script of {@code src/main/resources/redis}, atomic across threads and
 * instances, which takes "now" from Redis's own clock; a message's TTL (its whole backoff window plus a
 * margin) is set by the script that writes it. The operations on many messages run their scripts in one pipeline.
 */
@ApplicationScoped
public class RetryStore implements RetryState {

    private static final RedisScript REGISTER = RedisScript.load(RetryStore.class, "register");
    private static final RedisScript SCHEDULE = RedisScript.load(RetryStore.class, "schedule");
    private static final RedisScript DUE = RedisScript.load(RetryStore.class, "due");
    private static final RedisScript CLAIM = RedisScript.load(RetryStore.class, "claim");
    private static final RedisScript REDELIVERED = RedisScript.load(RetryStore.class, "redelivered");
    private static final RedisScript SEND_FAILED = RedisScript.load(RetryStore.class, "send-failed");
    private static final RedisScript RELEASE = RedisScript.load(RetryStore.class, "release");
    private static final RedisScript DEAD_LETTERED = RedisScript.load(RetryStore.class, "dead-lettered");
    private static final RedisScript FORGET = RedisScript.load(RetryStore.class, "forget");

    @Inject
    UnifiedJedis redis;

    // another namespace only in the scripts' tests
    RedisKeys keys = RedisKeys.LIVE;

    @Override
    public List<Registration> register(List<Failure> failures, Duration ttl) {
        return pipeline(failures.stream().map(failure -> new ScriptPipeline.Call(REGISTER, List.of(keys.message(failure.id()), keys.due()),
                List.of(failure.sidePosition(), Integer.toString(failure.headerAttempts()), seconds(ttl), failure.originTopic(),
                        failure.key() == null ? "" : failure.key(), failure.error(), failure.replyTo().orElse(""), failure.group(),
                        failure.id(), failure.failedPosition().orElse("")))).toList()).stream().map(RetryStore::registration).toList();
    }

    private static Registration registration(Object reply) {
        List<?> result = (List<?>) reply;
        String countedAt = (String) result.get(3);
        return new Registration("duplicate".equals(result.get(0)), ((Long) result.get(1)).intValue(), (String) result.get(2),
                countedAt.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(countedAt))));
    }

    @Override
    public void schedule(List<Scheduled> retries, Duration ttl) {
        pipeline(retries.stream().map(retry -> new ScriptPipeline.Call(SCHEDULE, List.of(keys.message(retry.id()), keys.due(), keys.stats()),
                List.of(retry.id(), millis(retry.delay()), retry.record(), seconds(ttl)))).toList());
    }

    @Override
    public List<Due> dueWithin(Duration horizon, int limit) {
        List<?> flat = (List<?>) DUE.eval(redis, List.of(keys.due()), List.of(millis(horizon), Integer.toString(limit)));
        List<Due> due = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i < flat.size(); i += 2) {
            due.add(new Due((String) flat.get(i), Duration.ofMillis((Long) flat.get(i + 1))));
        }
        return due;
    }

    @Override
    public List<Claim> claim(List<String> ids, Duration lease, String owner) {
        List<String> scriptKeys = new ArrayList<>(List.of(keys.due()));
        ids.forEach(id -> scriptKeys.add(keys.message(id)));
        List<String> args = new ArrayList<>(List.of(millis(lease), owner));
        args.addAll(ids);
        List<Claim> claims = new ArrayList<>();
        for (Object row : (List<?>) CLAIM.eval(redis, scriptKeys, args)) {
            List<?> fields = (List<?>) row;
            String id = (String) fields.get(0);
            claims.add(switch ((String) fields.get(1)) {
                case "claimed" -> new Claim.Claimed(id, (String) fields.get(2), Integer.parseInt((String) fields.get(3)),
                        Duration.ofMillis((Long) fields.get(4)), (String) fields.get(5), (String) fields.get(6),
                        RetryBacklog.emptyToNull((String) fields.get(7)), instant(fields.get(8)));
                case "not-due" -> new Claim.NotDue(id, Duration.ofMillis((Long) fields.get(2)));
                case "done" -> new Claim.Done(id);
                default -> new Claim.Lost(id);
            });
        }
        return claims;
    }

    @Override
    public List<Boolean> redelivered(List<Attempt> sent, String owner) {
        return pipeline(sent.stream().map(attempt -> new ScriptPipeline.Call(REDELIVERED, List.of(keys.message(attempt.id()), keys.due(),
                keys.stats()), List.of(attempt.id(), Integer.toString(attempt.attempts()), owner))).toList())
                .stream().map(Long.valueOf(1)::equals).toList();
    }

    @Override
    public OptionalInt sendFailed(String id, int attempts, String owner) {
        long failures = (Long) SEND_FAILED.eval(redis, List.of(keys.message(id)), List.of(Integer.toString(attempts), owner));
        return failures < 0 ? OptionalInt.empty() : OptionalInt.of((int) failures);
    }

    @Override
    public boolean release(String id, int attempts, String owner, Duration delay, Duration ttl) {
        return Long.valueOf(1).equals(RELEASE.eval(redis, List.of(keys.message(id), keys.due()),
                List.of(id, millis(delay), Integer.toString(attempts), owner, seconds(ttl))));
    }

    @Override
    public void deadLettered(List<GivenUp> letters, Duration ttl) {
        pipeline(letters.stream().map(letter -> new ScriptPipeline.Call(DEAD_LETTERED, List.of(keys.message(letter.id()), keys.due(),
                keys.stats()), List.of(letter.id(), letter.reason(), seconds(ttl)))).toList());
    }

    /** The replies of the calls, run in one round trip; throws if any failed, since every one of them must have run. */
    private List<Object> pipeline(List<ScriptPipeline.Call> calls) {
        List<Object> values = new ArrayList<>(calls.size());
        for (ScriptPipeline.Reply reply : ScriptPipeline.run(redis, calls)) {
            if (reply.failed()) {
                throw reply.error();
            }
            values.add(reply.value());
        }
        return values;
    }

    /**
     * Forgets a dead-lettered message, so that a replay of it starts a fresh count; false (and nothing
     * changed) if the message is being retried again right now.
     */
    public boolean forget(String id) {
        return Long.valueOf(1).equals(FORGET.eval(redis, List.of(keys.message(id), keys.due()), List.of(id)));
    }

    private static Optional<Instant> instant(Object epochMillis) {
        return epochMillis instanceof Long millis ? Optional.of(Instant.ofEpochMilli(millis)) : Optional.empty();
    }

    private static String millis(Duration duration) {
        return Long.toString(Math.max(0, duration.toMillis()));
    }

    private static String seconds(Duration ttl) {
        return Long.toString(ttl.toSeconds());
    }
}
