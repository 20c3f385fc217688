package io.kafkaexample.retry.message;

import io.kafkaexample.common.kafka.KafkaClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic back from a point in time to find records by a tag of their headers: did a send whose outcome
 * was lost land after all? One consumer without a group (it commits nothing and disturbs no one), reused, one
 * read at a time; these reads are rare (after a crash or a timed-out send), and a read covers a whole batch.
 */
@ApplicationScoped
public class CopyFinder {

    /** A record's timestamp is the sending instance's clock, {@code since} Redis's: this much skew is allowed for. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    KafkaClients clients;

    private KafkaConsumer<byte[], byte[]> consumer;

    /**
     * Those of {@code wanted} that {@code tag} reads on a record of {@code topic} written since {@code since}; none
     * if the topic does not exist. Throws if the topic cannot be read to its end within {@link #TIMEOUT}.
     */
    public synchronized Set<String> find(String topic, Instant since, Function<Headers, Optional<String>> tag, Set<String> wanted) {
        Set<String> found = new HashSet<>();
        List<PartitionInfo> infos = consumer().partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty() || wanted.isEmpty()) {
            return found;
        }
        List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, since.minus(CLOCK_MARGIN).toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times, TIMEOUT);
        List<TopicPartition> todo = partitions.stream().filter(p -> starts.get(p) != null && starts.get(p).offset() < end.get(p)).toList();
        consumer.assign(todo);
        todo.forEach(p -> consumer.seek(p, starts.get(p).offset()));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (found.size() < wanted.size() && todo.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(topic + " could not be read back within " + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                tag.apply(record.headers()).filter(wanted::contains).ifPresent(found::add);
            }
        }
        consumer.assign(List.of());
        return found;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            Map<String, Object> config = clients.consumerConfig("copy-finder-" + UUID.randomUUID().toString().substring(0, 8));
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    @PreDestroy
    synchronized void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
