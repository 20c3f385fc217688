package io.kafkaexample.retry.deadletter;

import io.kafkaexample.retry.store.RedisKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import redis.clients.jedis.RedisClient;

/**
 * What administrators did with dead letters, since a Kafka record cannot be changed: replayed and discarded
 * letters by id, in two Redis hashes ({@link RedisKeys#dlqReplayed()}, {@link RedisKeys#dlqDiscarded()}).
 * Marking a replay is atomic (HSETNX), so one letter is never replayed twice by accident, even by two
 * administrators at once. A mark names the letter by its position and its timestamp: a position alone comes
 * back when dead-letter-queue is deleted and created again.
 */
@ApplicationScoped
public class DeadLetterMarks {

    private static final String REPLAYED = RedisKeys.LIVE.dlqReplayed();
    private static final String DISCARDED = RedisKeys.LIVE.dlqDiscarded();

    @Inject
    RedisClient redis;

    /** The key of a letter's marks: {@code <partition>-<offset>@<timestamp ms>}. */
    static String keyOf(ConsumerRecord<?, ?> letter) {
        return DeadLetterId.of(letter.partition(), letter.offset()) + "@" + letter.timestamp();
    }

    /** Marks the letter replayed; false if it was already. */
    boolean markReplayed(String id, Instant now) {
        return redis.hsetnx(REPLAYED, id, now.toString()) == 1;
    }

    /** Undoes {@link #markReplayed} when the replay could not be sent. */
    void unmarkReplayed(String id) {
        redis.hdel(REPLAYED, id);
    }

    boolean markDiscarded(String id, Instant now) {
        return redis.hsetnx(DISCARDED, id, now.toString()) == 1;
    }

    Instant replayedAt(String id) {
        return instant(redis.hget(REPLAYED, id));
    }

    List<Instant> replayedAt(List<String> ids) {
        return ids.isEmpty() ? List.of() : redis.hmget(REPLAYED, ids.toArray(String[]::new)).stream().map(DeadLetterMarks::instant).toList();
    }

    List<Instant> discardedAt(List<String> ids) {
        return ids.isEmpty() ? List.of() : redis.hmget(DISCARDED, ids.toArray(String[]::new)).stream().map(DeadLetterMarks::instant).toList();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
