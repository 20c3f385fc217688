package io.kafkaexample.bench;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.event.InvalidEventException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;

/**
 * The fair ceiling of the consumer's drain: the same work without the server. A plain KafkaConsumer applies
 * each poll with consumer-war's own Lua scripts (read from its sources), all calls of the poll in one pipeline of
 * EVALSHA, then commits the poll's offsets, in a group of its own. Each event is parsed and checked as the service
 * does (the CloudEvent, the fields of its data, the timestamps) and its feed entry built. Its keys live under a
 * namespace of their own, so nothing the service applied short-cuts the scripts, and are removed afterwards.
 * Only Jedis and the CloudEvent reader of common: the same driver measures an older build of the services too.
 */
final class SameWork {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** A script call: the script's SHA-1, its keys and arguments. */
    private record Call(String sha, List<String> keys, List<String> args) {
    }

    private static final String NAMESPACE = "bench-same-work:";
    private static final String SEEN_TTL = Long.toString(7 * 24 * 3600);
    private static final String FEED_SIZE = "200";
    private static final List<String> USER_FIELDS = List.of("id", "username", "email", "firstName", "lastName", "role", "createdAt");

    private final String userCreated;
    private final String tokenIssued;

    private SameWork(RedisClient redis) {
        userCreated = redis.scriptLoad(script("user-created"));
        tokenIssued = redis.scriptLoad(script("token-issued"));
    }

    /**
     * Applies the records of {@code topic} between the offsets given and returns records/s, first poll to last
     * commit; the users of a token must have been applied before ({@link #clean} removes both).
     */
    static double rate(String topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        String group = "bench-same-work-" + Long.toHexString(System.nanoTime());
        try (RedisClient redis = RedisClient.create(Bench.redisUrl());
             KafkaConsumer<String, String> consumer = consumer(group)) {
            SameWork work = new SameWork(redis);
            Map<TopicPartition, Long> partitions = ofTopic(from, topic);
            consumer.assign(partitions.keySet());
            partitions.forEach(consumer::seek);
            long total = KafkaClients.behind(partitions, ofTopic(to, topic));
            long applied = 0;
            long start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(10).toNanos();
            while (applied < total && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                List<Call> calls = new ArrayList<>(records.count());
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < to.get(tp)) {
                        calls.add(work.change(record));
                        applied++;
                    }
                    commit.put(tp, new OffsetAndMetadata(record.offset() + 1));
                }
                apply(redis, calls);
                consumer.commitSync(commit);
            }
            return applied / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Every call in one pipeline; a call Redis refused fails the run. */
    private static void apply(RedisClient redis, List<Call> calls) {
        List<Response<Object>> replies = new ArrayList<>(calls.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            calls.forEach(call -> replies.add(pipeline.evalsha(call.sha(), call.keys(), call.args())));
            pipeline.sync();
        }
        replies.forEach(Response::get);
    }

    private Call change(ConsumerRecord<String, String> record) {
        try {
            CloudEvent event = CloudEvent.parse(record.value());
            JsonObject data = event.data();
            boolean user = "user.created".equals(event.type());
            String userId = CloudEvent.requiredString(data, user ? "id" : "userId");
            String entry = JSON.createObjectBuilder().add("eventId", event.id()).add("type", event.type()).add("time", event.time().toString())
                    .add("userId", userId).add("username", CloudEvent.requiredString(data, "username")).build().toString();
            if (user) {
                List<String> args = new ArrayList<>(List.of(SEEN_TTL, entry, FEED_SIZE));
                for (String field : USER_FIELDS) {
                    args.add(field);
                    args.add(CloudEvent.requiredString(data, field));
                }
                CloudEvent.instant(CloudEvent.requiredString(data, "createdAt"), "createdAt");
                return new Call(userCreated, keys(event.id(), userId), args);
            }
            String issuedAt = CloudEvent.instant(CloudEvent.requiredString(data, "issuedAt"), "issuedAt").toString();
            CloudEvent.instant(CloudEvent.requiredString(data, "expiresAt"), "expiresAt");
            return new Call(tokenIssued, keys(event.id(), userId), List.of(SEEN_TTL, entry, FEED_SIZE, issuedAt));
        } catch (InvalidEventException e) {
            throw new IllegalStateException("the backlog holds an invalid event at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": " + e.getMessage(), e);
        }
    }

    /** The four keys every read-model script takes, in the same slot of a cluster: the scripts' own layout. */
    private static List<String> keys(String eventId, String userId) {
        return List.of(NAMESPACE + "{c}:seen:" + eventId, NAMESPACE + "{c}:user:" + userId, NAMESPACE + "{c}:feed",
                NAMESPACE + "{c}:deleted:" + userId);
    }

    private static Map<TopicPartition, Long> ofTopic(Map<TopicPartition, Long> offsets, String topic) {
        Map<TopicPartition, Long> of = new HashMap<>();
        offsets.forEach((tp, offset) -> {
            if (tp.topic().equals(topic)) {
                of.put(tp, offset);
            }
        });
        return of;
    }

    /** Removes what the runs wrote. */
    static void clean() {
        try (RedisClient redis = RedisClient.create(Bench.redisUrl())) {
            clean(redis);
        }
    }

    private static void clean(RedisClient redis) {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.scan(cursor, new ScanParams().match(NAMESPACE + "*").count(1000));
            if (!page.getResult().isEmpty()) {
                redis.unlink(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }

    private static String script(String name) {
        Path file = Bench.root().resolve("consumer-war/src/main/resources/redis/" + name + ".lua");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read consumer-war's script " + file, e);
        }
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Bench.kafka());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // what the service's channels poll
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
