package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.redis.RedisScript;
import io.kafkaexample.retry.engine.ReplayMarks;
import io.kafkaexample.retry.store.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import redis.clients.jedis.UnifiedJedis;

/**
 * What administrators did with dead letters, since a Kafka record cannot be changed: replayed and discarded
 * letters by id, in two Redis hashes ({@link RedisKeys#dlqReplayed()}, {@link RedisKeys#dlqDiscarded()}).
 * A replay's mark is claimed with an owner and a lease by a script ({@code replay-claim.lua}), so one letter
 * is never replayed twice, even by two administrators at once; discarding is an HSETNX. A mark names the letter
 * by its position and its timestamp: a position alone comes back when dead-letter-queue is deleted and created again.
 */
@ApplicationScoped
public class DeadLetterMarks implements ReplayMarks {

    private static final RedisScript CLAIM = RedisScript.load(DeadLetterMarks.class, "replay-claim");
    private static final RedisScript DONE = RedisScript.load(DeadLetterMarks.class, "replay-done");
    private static final String REPLAYED = RedisKeys.LIVE.dlqReplayed();
    private static final String DISCARDED = RedisKeys.LIVE.dlqDiscarded();

    @Inject
    UnifiedJedis redis;

    /** The key of a letter's marks: {@code <partition>-<offset>@<timestamp ms>}. */
    static String keyOf(ConsumerRecord<?, ?> letter) {
        return DeadLetterId.of(letter.partition(), letter.offset()) + "@" + letter.timestamp();
    }

    @Override
    public Mark claim(String letter, Duration lease, String owner) {
        List<?> answer = (List<?>) CLAIM.eval(redis, List.of(REPLAYED), List.of(letter, owner, Long.toString(lease.toMillis())));
        return switch ((String) answer.get(0)) {
            case "claimed" -> new Claimed();
            case "replayed" -> new Replayed((String) answer.get(1));
            case "busy" -> new Busy(Duration.ofMillis((Long) answer.get(1)));
            default -> new TakenOver(Instant.ofEpochMilli((Long) answer.get(1)));
        };
    }

    @Override
    public boolean replayed(String letter, String owner, Instant at) {
        return Long.valueOf(1).equals(DONE.eval(redis, List.of(REPLAYED), List.of(letter, owner, at.toString())));
    }

    boolean markDiscarded(String id, Instant now) {
        return redis.hsetnx(DISCARDED, id, now.toString()) == 1;
    }

    /** When each letter was replayed; null for one never replayed or whose replay is under way. */
    List<Instant> replayedAt(List<String> ids) {
        return ids.isEmpty() ? List.of() : redis.hmget(REPLAYED, ids.toArray(String[]::new)).stream()
                .map(text -> text == null || text.startsWith("sending ") ? null : Instant.parse(text)).toList();
    }

    List<Instant> discardedAt(List<String> ids) {
        return ids.isEmpty() ? List.of() : redis.hmget(DISCARDED, ids.toArray(String[]::new)).stream()
                .map(text -> text == null ? null : Instant.parse(text)).toList();
    }
}
