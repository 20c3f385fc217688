package io.kafkaexample.retry.message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reading a topic on demand with a consumer that has no group (it commits nothing and disturbs no one): its
 * partitions, where a time starts in each, and the records of a range, within {@link #TIMEOUT}.
 */
public final class TopicReads {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TopicReads() {
    }

    /** The partitions of {@code topic}; none if it does not exist. */
    public static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, TIMEOUT);
        return infos == null ? List.of() : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** Per partition, the offset of its first record at {@code time} or later; its end if there is none. */
    public static Map<TopicPartition, Long> since(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Instant time,
                                                  Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times, TIMEOUT);
        Map<TopicPartition, Long> from = new HashMap<>();
        partitions.forEach(p -> from.put(p, starts.get(p) == null ? end.get(p) : starts.get(p).offset()));
        return from;
    }

    /** The records from {@code from} up to {@code end} (exclusive) that {@code match}; throws if that takes longer than {@link #TIMEOUT}. */
    public static List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> from,
                                                            Map<TopicPartition, Long> end, Predicate<ConsumerRecord<byte[], byte[]>> match) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        List<TopicPartition> todo = from.keySet().stream().filter(p -> from.get(p) < end.get(p)).toList();
        if (todo.isEmpty()) {
            return found;
        }
        consumer.assign(todo);
        todo.forEach(p -> consumer.seek(p, from.get(p)));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (todo.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(todo.get(0).topic() + " could not be read within " + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition) && match.test(record)) {
                    found.add(record);
                }
            }
        }
        return found;
    }
}
