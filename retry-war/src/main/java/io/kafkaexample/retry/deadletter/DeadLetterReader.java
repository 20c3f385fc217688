package io.kafkaexample.retry.deadletter;

import io.kafkaexample.common.kafka.FailedRecord;
import io.kafkaexample.common.kafka.KafkaClients;
import io.kafkaexample.common.kafka.Topics;
import io.kafkaexample.retry.message.ReusedConsumer;
import io.kafkaexample.retry.message.TopicReads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads {@code dead-letter-queue} on demand, with one reused consumer that has no group (it commits nothing
 * and disturbs no one): the latest letters, one letter by id, or the letters of a time range.
 */
@ApplicationScoped
public class DeadLetterReader {

    private static final Duration TIMEOUT = TopicReads.TIMEOUT;
    /** How far back per partition a filtered read looks: the query answers from the latest letters. */
    static final int MAX_SCAN_PER_PARTITION = 10_000;

    @Inject
    KafkaClients clients;

    private ReusedConsumer reads;

    @PostConstruct
    void open() {
        reads = new ReusedConsumer(clients, "dlq-reader");
    }

    @PreDestroy
    void close() {
        reads.close();
    }

    /** The latest {@code limit} letters (of {@code originTopic}, if given), newest first. */
    List<ConsumerRecord<byte[], byte[]>> latest(Optional<String> originTopic, int limit) {
        return reads.read(consumer -> {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            long window = originTopic.isPresent() ? MAX_SCAN_PER_PARTITION : limit;
            Map<TopicPartition, Long> from = new HashMap<>();
            partitions.forEach(p -> from.put(p, Math.max(begin.get(p), end.get(p) - window)));
            List<ConsumerRecord<byte[], byte[]>> letters = TopicReads.read(consumer, from, end, ofTopic(originTopic));
            letters.sort(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp()).reversed());
            return letters.subList(0, Math.min(limit, letters.size()));
        });
    }

    Optional<ConsumerRecord<byte[], byte[]>> byId(DeadLetterId id) {
        return reads.read(consumer -> {
            TopicPartition partition = new TopicPartition(Topics.DEAD_LETTER_QUEUE, id.partition());
            if (!partitions(consumer).contains(partition)) {
                return Optional.empty();
            }
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            if (id.offset() >= end) {
                return Optional.empty();
            }
            return TopicReads.read(consumer, Map.of(partition, id.offset()), Map.of(partition, id.offset() + 1), r -> true).stream().findFirst();
        });
    }

    /** The letters of {@code originTopic} dead-lettered in [from, to), oldest first, at most {@code max}. */
    List<ConsumerRecord<byte[], byte[]>> between(String originTopic, Instant from, Instant to, int max) {
        return reads.read(consumer -> {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<byte[], byte[]>> letters = TopicReads.read(consumer, TopicReads.since(consumer, partitions, from, end), end,
                    ofTopic(Optional.of(originTopic)).and(r -> r.timestamp() >= from.toEpochMilli() && r.timestamp() < to.toEpochMilli()));
            letters.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
            return letters.subList(0, Math.min(max, letters.size()));
        });
    }

    private static Predicate<ConsumerRecord<byte[], byte[]>> ofTopic(Optional<String> originTopic) {
        return r -> originTopic.isEmpty() || originTopic.equals(FailedRecord.read(r.headers()).originTopic());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return TopicReads.partitions(consumer, Topics.DEAD_LETTER_QUEUE);
    }
}
