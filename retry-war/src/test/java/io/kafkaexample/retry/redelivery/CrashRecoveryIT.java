package io.kafkaexample.retry.redelivery;

import static io.kafkaexample.retry.RetryClient.MAX_RETRIES;
import static io.kafkaexample.retry.RetryClient.WAIT;
import static io.kafkaexample.retry.RetryClient.attempts;
import static io.kafkaexample.retry.RetryClient.await;
import static io.kafkaexample.retry.RetryClient.consumerUser;
import static io.kafkaexample.retry.RetryClient.killRetrySvc;
import static io.kafkaexample.retry.RetryClient.pendingKeys;
import static io.kafkaexample.testsupport.Events.newId;
import static io.kafkaexample.testsupport.Events.tokenIssued;
import static io.kafkaexample.testsupport.Events.userCreated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.retry.store.RedisKeys;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;

/** retry-svc's guarantees when it crashes, or when its Redis state disappears. */
class CrashRecoveryIT {

    @Test
    void retriesPendingWhenRetrySvcIsKilledStillComplete() throws Exception {
        List<String> users = List.of(newId(), newId(), newId());
        try (var side = new TopicWatcher(Topics.SIDE_TOPIC_FOR_RETRY); var deadLetters = new TopicWatcher(Topics.DEAD_LETTER_QUEUE)) {
            for (String userId : users) {
                KafkaProbe.send(Topics.ISSUED_TOKEN, userId, tokenIssued(newId(), userId, "crash", Instant.now()));
            }
            for (String userId : users) {
                side.await(r -> userId.equals(r.key()), WAIT);
            }
            await("all three scheduled", WAIT, () -> pendingKeys().containsAll(users));

            killRetrySvc();
            // their users appear while nothing can redeliver the tokens
            for (String userId : users) {
                KafkaProbe.send(Topics.NEW_USER_CREATED, userId, userCreated(newId(), userId, "crash" + userId.substring(0, 8)));
            }
            TestStack.stack("up", "--no-build", "retry");

            for (String userId : users) {
                await("the token of " + userId + " applied after the restart", WAIT, () -> {
                    var user = consumerUser(userId);
                    return user != null && user.getInt("tokensIssued") == 1;
                });
            }
            assertTrue(deadLetters.all(r -> users.contains(r.key()), Duration.ofSeconds(2)).isEmpty());
        }
    }

    @Test
    void retrySvcLosingItsRedisStateNeverRetriesForever() throws Exception {
        String userId = newId();
        try (var side = new TopicWatcher(Topics.SIDE_TOPIC_FOR_RETRY);
             var redeliveries = new TopicWatcher(Topics.CONSUMER_SVC_REDELIVERY);
             var deadLetters = new TopicWatcher(Topics.DEAD_LETTER_QUEUE)) {
            KafkaProbe.send(Topics.ISSUED_TOKEN, userId, tokenIssued(newId(), userId, "amnesia", Instant.now()));
            side.await(r -> userId.equals(r.key()) && attempts(r) == 2, WAIT);

            int deleted = deleteRetryState();
            assertTrue(deleted > 0, "retry-svc had no state in Redis to lose");

            var letter = deadLetters.await(r -> userId.equals(r.key()), WAIT);
            assertEquals(MAX_RETRIES + 1, attempts(letter));
            Thread.sleep(3000);
            assertEquals(MAX_RETRIES, redeliveries.all(r -> userId.equals(r.key()), Duration.ofSeconds(1)).size());
            assertEquals(1, deadLetters.all(r -> userId.equals(r.key()), Duration.ofSeconds(1)).size());
        }
    }

    /** Deletes every key of retry-svc in the test stack's Redis database, as a FLUSHDB would. */
    private static int deleteRetryState() {
        try (var redis = RedisClient.create(TestStack.redisUrl())) {
            List<String> keys = new ArrayList<>();
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                var page = redis.scan(cursor, new ScanParams().match(RedisKeys.LIVE.scanPattern()).count(500));
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            keys.removeAll(Set.of(RedisKeys.LIVE.dlqReplayed(), RedisKeys.LIVE.dlqDiscarded()));
            if (!keys.isEmpty()) {
                redis.del(keys.toArray(String[]::new));
            }
            return keys.size();
        }
    }
}
