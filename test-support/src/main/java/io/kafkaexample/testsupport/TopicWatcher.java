package io.kafkaexample.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches a topic from the moment it is created: every record written afterwards, on any partition, with
 * no consumer group (so it never disturbs the services' groups). The start offsets are kept, so a watcher
 * can read on after the broker was restarted.
 */
public final class TopicWatcher implements AutoCloseable {

    private final String topic;
    private final Map<TopicPartition, Long> start;
    private KafkaConsumer<String, String> consumer;

    public TopicWatcher(String topic) {
        this.topic = topic;
        this.consumer = newConsumer();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        this.start = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        assignFromStart();
    }

    /** The first record written since the watcher started that matches, waiting up to {@code timeout}. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
                if (match.test(record)) {
                    return record;
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout + "; saw " + seen.size() + ": "
                + seen.stream().map(r -> r.key() + "=" + r.value()).collect(Collectors.joining("\n", "\n", "")));
    }

    /** Every matching record written since the watcher started, read again from the start for {@code window}. */
    public List<ConsumerRecord<String, String>> all(Predicate<ConsumerRecord<String, String>> match, Duration window) {
        assignFromStart();
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (match.test(r)) {
                    found.add(r);
                }
            });
        }
        return found;
    }

    /** A new client, after the broker went away and came back. */
    public void reconnect() {
        consumer.close(Duration.ofSeconds(2));
        consumer = newConsumer();
        assignFromStart();
    }

    private void assignFromStart() {
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
    }

    private static KafkaConsumer<String, String> newConsumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "it-watcher-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
