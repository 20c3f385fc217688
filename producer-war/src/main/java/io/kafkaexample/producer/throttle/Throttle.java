package io.kafkaexample.producer.throttle;

import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.producer.redis.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/** Fixed-window attempt counters in Redis, one key per subject (a username, a client address). */
@ApplicationScoped
public class Throttle {

    private static final RedisScript HIT = RedisScript.load(Throttle.class, "throttle-hit");

    @Inject
    UnifiedJedis redis;

    @Inject
    RedisKeys keys;

    /** How long the subject must still wait, when it has used up {@code limit} attempts of its window. */
    public Optional<Duration> blockedFor(String counter, int limit) {
        String count = redis.get(counter);
        if (count == null || Long.parseLong(count) < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.max(1, redis.pttl(counter))));
    }

    /** Counts an attempt; the wait when it went over {@code limit}. */
    public Optional<Duration> hit(String counter, int limit, Duration window) {
        List<?> answer = (List<?>) HIT.eval(redis, List.of(counter), List.of(Long.toString(window.toMillis())));
        long count = (Long) answer.get(0);
        return count > limit ? Optional.of(Duration.ofMillis((Long) answer.get(1))) : Optional.empty();
    }

    public void reset(String counter) {
        redis.del(counter);
    }
}
