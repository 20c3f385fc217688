package io.kafkaexample.retry.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/** Reads of retry-war's state in Redis (see {@link RedisKeys}) that change nothing: the schedule and the counts. */
@ApplicationScoped
public class RetryBacklog {

    @Inject
    UnifiedJedis redis;

    // another namespace only in the scripts' tests
    RedisKeys keys = RedisKeys.LIVE;

    /** The first {@code limit} retries on the schedule, the earliest due first. */
    public List<Pending> pending(int limit) {
        List<Pending> pending = new ArrayList<>();
        for (Tuple entry : redis.zrangeWithScores(keys.due(), 0, limit - 1L)) {
            String id = entry.getElement();
            Map<String, String> fields = redis.hgetAll(keys.message(id));
            if (fields.isEmpty()) {
                continue;
            }
            pending.add(new Pending(id, fields.get("topic"), emptyToNull(fields.get("key")),
                    Integer.parseInt(fields.getOrDefault("attempts", "0")),
                    instant(fields.getOrDefault("dueAt", Long.toString((long) entry.getScore()))),
                    fields.get("error"), fields.get("state"),
                    Optional.ofNullable(fields.get("firstFailureAt")).map(RetryBacklog::instant).orElse(null)));
        }
        return pending;
    }

    public long pendingCount() {
        return redis.zcard(keys.due());
    }

    /** The earliest score on the schedule: a due time, or the end of a lease. */
    public Optional<Instant> earliestDue() {
        List<Tuple> first = redis.zrangeWithScores(keys.due(), 0, 0);
        return first.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli((long) first.get(0).getScore()));
    }

    /** The counts of {@link RedisKeys#stats()}, by name. */
    public Map<String, String> stats() {
        return redis.hgetAll(keys.stats());
    }

    private static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
