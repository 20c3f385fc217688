package io.kafkaexample.retry.deadletter;

import static io.kafkaexample.retry.RetryClient.WAIT;
import static io.kafkaexample.retry.RetryClient.retry;
import static io.kafkaexample.testsupport.UsersClient.adminToken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.retry.RetryClient;
import io.kafkaexample.retry.store.RedisKeys;
import io.kafkaexample.testsupport.KafkaProbe;
import io.kafkaexample.testsupport.TestStack;
import io.kafkaexample.testsupport.TopicWatcher;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * A replay interrupted by {@code kill -9} of retry-svc, at whatever step each letter was: every letter is
 * replayable again once the test stack's 40 s lease runs out, and each is sent back exactly once. The two states
 * a kill can leave a letter in (marked but not sent; sent but not recorded) are also set up exactly, as the
 * killed instance leaves them in Redis and Kafka.
 */
class ReplayCrashIT {

    private static final String REPLY_TO = "consumer-svc-redelivery";
    /** The test stack's retry.lease (devstack/profiles/it.env), and a margin. */
    private static final Duration LEASE = Duration.ofSeconds(41);

    @Test
    void aReplayKilledHalfWaySendsEveryLetterBackExactlyOnceWhenReplayedAgain() throws Exception {
        try (var copies = new TopicWatcher(REPLY_TO)) {
            List<ConsumerRecord<String, String>> letters = deadLetters("killed", 250);
            List<String> ids = letters.stream().map(ReplayCrashIT::idOf).toList();
            String admin = adminToken();
            // the letters' time range (reading them by id would open a consumer each first); 250 letters at 50 a
            // second take five seconds: killed after two
            Instant from = Instant.ofEpochMilli(letters.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow());
            Instant to = Instant.ofEpochMilli(letters.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow() + 1);
            String ofRange = "mutation { replayDeadLettersOf(topic: \"issued-token\", from: \"" + from + "\", to: \"" + to
                    + "\") { replayed skipped { id reason } } }";
            CompletableFuture<JsonObject> interrupted = CompletableFuture.supplyAsync(() -> retry(ofRange, admin));
            Thread.sleep(2000);
            RetryClient.killRetrySvc();
            assertTrue(interrupted.handle((answer, error) -> error != null || answer.containsKey("errors")).get(), "the request died with it");
            TestStack.stack("up", "--no-build", "retry");
            Thread.sleep(LEASE.toMillis());

            JsonObject again = retry(ofRange, adminToken()).getJsonObject("data").getJsonObject("replayDeadLettersOf");
            assertEquals(List.of(), again.getJsonArray("skipped").getValuesAs(JsonObject.class).stream()
                    .filter(s -> ids.contains(s.getString("id")) && !s.getString("reason").startsWith("already replayed")).toList(),
                    "every letter replayable again");
            assertTrue(again.getJsonArray("skipped").size() > 0 && again.getJsonArray("replayed").size() > 0,
                    "killed half-way: some letters were replayed before, the others now: " + again);

            Map<String, Long> sent = copiesOf(copies, letters);
            assertEquals(Set.copyOf(ids), sent.keySet(), "every letter sent back");
            assertEquals(Map.of(), sent.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "each exactly once");
        }
    }

    @Test
    void aLetterMarkedByAKilledReplayIsSentOnceAndOneItHadSentIsNotSentAgain() throws Exception {
        try (var copies = new TopicWatcher(REPLY_TO); RedisClient redis = RedisClient.create(TestStack.redisUrl())) {
            List<ConsumerRecord<String, String>> letters = deadLetters("states", 2);
            ConsumerRecord<String, String> markedOnly = letters.get(0);
            ConsumerRecord<String, String> sentUnrecorded = letters.get(1);
            long started = System.currentTimeMillis() - LEASE.toMillis() - 1000;
            for (var letter : letters) {
                // what replay-claim.lua wrote for an instance whose lease has run out since
                redis.hset(RedisKeys.LIVE.dlqReplayed(), DeadLetterMarks.keyOf(letter),
                        "sending killed " + (started + 40_000) + " " + started);
            }
            var copy = new ProducerRecord<>(REPLY_TO, null, sentUnrecorded.key(), sentUnrecorded.value());
            RetryHeaders.set(copy.headers(), RetryHeaders.DLQ_REPLAY_OF, DeadLetterMarks.keyOf(sentUnrecorded));
            KafkaProbe.send(copy);

            JsonObject result = replay(letters.stream().map(ReplayCrashIT::idOf).toList(), adminToken());
            assertEquals(Set.of(idOf(markedOnly), idOf(sentUnrecorded)), Set.copyOf(result.getJsonArray("replayed")
                    .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()), result.toString());
            assertEquals(Map.of(idOf(markedOnly), 1L, idOf(sentUnrecorded), 1L), copiesOf(copies, letters));
            assertTrue(replay(List.of(idOf(markedOnly)), adminToken()).getJsonArray("skipped").getJsonObject(0).getString("reason")
                    .startsWith("already replayed"));
        }
    }

    /** {@code count} records the consumer cannot parse (dead-lettered at once), and their letters. */
    private static List<ConsumerRecord<String, String>> deadLetters(String prefix, int count) throws Exception {
        String run = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        try (var queue = new TopicWatcher(Topics.DEAD_LETTER_QUEUE)) {
            for (int i = 0; i < count; i++) {
                KafkaProbe.send(Topics.ISSUED_TOKEN, run + i, "{broken " + i);
            }
            List<ConsumerRecord<String, String>> letters = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (letters.size() < count && System.nanoTime() < deadline) {
                letters = queue.all(r -> r.key() != null && r.key().startsWith(run), Duration.ofSeconds(2));
            }
            assertEquals(count, letters.size(), "dead letters of " + run);
            return letters;
        }
    }

    /** How many copies of each letter are on the reply topic, by letter id. */
    private static Map<String, Long> copiesOf(TopicWatcher copies, List<ConsumerRecord<String, String>> letters) {
        Map<String, String> idByMark = letters.stream().collect(Collectors.toMap(DeadLetterMarks::keyOf, ReplayCrashIT::idOf));
        return copies.all(r -> RetryHeaders.get(r.headers(), RetryHeaders.DLQ_REPLAY_OF).map(idByMark::containsKey).orElse(false),
                        Duration.ofSeconds(5)).stream()
                .collect(Collectors.groupingBy(r -> idByMark.get(RetryHeaders.get(r.headers(), RetryHeaders.DLQ_REPLAY_OF).orElseThrow()),
                        Collectors.counting()));
    }

    private static JsonObject replay(List<String> ids, String admin) {
        String list = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        JsonObject answer = retry("mutation { replayDeadLetters(ids: [" + list + "]) { replayed skipped { id reason } } }", admin);
        return answer.containsKey("errors") && !answer.isNull("errors") ? answer : answer.getJsonObject("data").getJsonObject("replayDeadLetters");
    }

    private static String idOf(ConsumerRecord<?, ?> letter) {
        return DeadLetterId.of(letter.partition(), letter.offset());
    }
}
