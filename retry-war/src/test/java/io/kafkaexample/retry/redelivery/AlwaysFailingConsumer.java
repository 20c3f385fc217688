package io.kafkaexample.retry.redelivery;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.RetryHeaders;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.testsupport.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A consumer group that fails on every record it is given, as consumer-svc fails on a token of a user who
 * never exists: each record, the first time and every time retry-svc redelivers it to the group's reply
 * topic, goes back to {@code side-topic-for-retry} through {@link FailedRecord#of}, so with one attempt more.
 * It notes when each failure was produced, each redelivery was produced and each letter reached the
 * dead-letter queue, read from the end offsets of the moment it was created. Only keys of {@code prefix}
 * are its own.
 */
final class AlwaysFailingConsumer implements AutoCloseable {

    /** A redelivery as it arrived: the attempt it says it is, and when retry-svc produced it. */
    record Arrival(int attempt, long producedAt) {
    }

    private static final RuntimeException FAILURE = new IllegalStateException("the always-failing consumer of TwoRetryInstancesIT");

    private final String group;
    private final String replyTopic;
    private final String prefix;
    private final KafkaConsumer<String, String> reader;
    private final KafkaProducer<String, String> sender;
    /** key → attempt (retry-attempts of the failure) → when it was produced; filled by the producer's callbacks. */
    private final Map<String, Map<Integer, Long>> failures = new ConcurrentHashMap<>();
    private final Map<String, List<Arrival>> redeliveries = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> letters = new ConcurrentHashMap<>();
    private final List<String> sendErrors = new CopyOnWriteArrayList<>();

    AlwaysFailingConsumer(String group, String replyTopic, String prefix) {
        this.group = group;
        this.replyTopic = replyTopic;
        this.prefix = prefix;
        this.reader = newReader();
        List<TopicPartition> partitions = new ArrayList<>(partitions(replyTopic));
        partitions.addAll(partitions(Topics.DEAD_LETTER_QUEUE));
        reader.assign(partitions);
        reader.endOffsets(partitions, Duration.ofSeconds(30)).forEach(reader::seek);
        this.sender = newSender();
    }

    /** The first failure of a record: as a consumer hands on the {@code origin} it read and failed on. */
    void fail(ConsumerRecord<String, String> origin) {
        send(FailedRecord.of(origin, FAILURE, true, group, replyTopic, Instant.now()));
    }

    /** Reads what arrived for up to {@code timeout}; each redelivery fails again at once. */
    void poll(Duration timeout) {
        for (ConsumerRecord<String, String> record : reader.poll(timeout)) {
            if (record.key() == null || !record.key().startsWith(prefix)) {
                continue;
            }
            int attempts = RetryHeaders.attempts(record.headers());
            if (record.topic().equals(Topics.DEAD_LETTER_QUEUE)) {
                letters.computeIfAbsent(record.key(), k -> new CopyOnWriteArrayList<>()).add(attempts);
            } else {
                redeliveries.computeIfAbsent(record.key(), k -> new CopyOnWriteArrayList<>()).add(new Arrival(attempts, record.timestamp()));
                send(FailedRecord.of(record, FAILURE, true, group, replyTopic, Instant.now()));
            }
        }
    }

    long redeliveriesOf(int attempt) {
        return redeliveries.values().stream().flatMap(List::stream).filter(a -> a.attempt() == attempt).count();
    }

    Map<String, List<Arrival>> redeliveries() {
        return redeliveries;
    }

    Map<String, List<Integer>> letters() {
        return letters;
    }

    /** When the failure of {@code key} that said {@code attempt} was produced, or null if it never was. */
    Long failedAt(String key, int attempt) {
        return failures.getOrDefault(key, Map.of()).get(attempt);
    }

    List<String> sendErrors() {
        return sendErrors;
    }

    private void send(ProducerRecord<String, String> failure) {
        int attempt = RetryHeaders.attempts(failure.headers());
        // the timestamp is the producer's own (CreateTime), taken by the clock retry-svc uses for due times
        sender.send(failure, (metadata, error) -> {
            if (error != null) {
                sendErrors.add(failure.key() + " attempt " + attempt + ": " + error);
            } else {
                // the first, should one attempt fail twice: the duplicate is reported, the earliest time is the lenient one
                failures.computeIfAbsent(failure.key(), k -> new ConcurrentHashMap<>()).putIfAbsent(attempt, metadata.timestamp());
            }
        });
    }

    private List<TopicPartition> partitions(String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            var found = reader.partitionsFor(topic, Duration.ofSeconds(5));
            if (!found.isEmpty()) {
                return found.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            }
        }
        throw new AssertionError("topic " + topic + " has no partitions after 30 s");
    }

    private static KafkaConsumer<String, String> newReader() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "it-always-failing-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> newSender() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // as consumer-svc's hand-off: a failure is sent at once, not held for a batch
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void close() {
        sender.close(Duration.ofSeconds(5));
        reader.close(Duration.ofSeconds(2));
    }
}
