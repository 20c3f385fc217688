package io.kafkaexample.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The drivers' Kafka clients, and the offsets and consumer-group lag they measure with. */
final class KafkaClients {

    private KafkaClients() {
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"));
    }

    /** A producer for writing backlogs fast: acks=all and idempotent like the services', but large batches. */
    static KafkaProducer<String, String> fastProducer(String bootstrap) {
        Properties config = producerConfig(bootstrap, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A producer like the services' own (acks=all, idempotent, linger 5 ms), for steady flows. */
    static KafkaProducer<String, String> flowProducer(String bootstrap) {
        Properties config = producerConfig(bootstrap, 5);
        // a broker stopped for a while mid-flow: keep trying for 5 minutes before giving up on a record
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "300000");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Properties producerConfig(String bootstrap, int lingerMs) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        return config;
    }

    /** A consumer with no group: it reads by assignment and never disturbs the services' groups. */
    static KafkaConsumer<String, String> plainConsumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-" + Long.toHexString(System.nanoTime()));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    static void ensureTopic(Admin admin, String topic, int partitions, short replicas, Map<String, String> configs) {
        io.kafkaexample.testsupport.KafkaProbe.ensureTopic(admin, new NewTopic(topic, partitions, replicas).configs(configs));
    }

    static List<TopicPartition> partitions(Admin admin, Collection<String> topics) {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not describe " + topics, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<TopicPartition, Long> offsets(Admin admin, Collection<String> topics, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions(admin, topics).forEach(p -> request.put(p, spec));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get();
            return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not list offsets of " + topics, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) {
        return offsets(admin, topics, OffsetSpec.latest());
    }

    /** The group's committed offset per partition of {@code topics}; the log start where it has none. */
    static Map<TopicPartition, Long> committed(Admin admin, String group, Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> start = offsets(admin, topics, OffsetSpec.earliest());
            Map<TopicPartition, Long> result = new HashMap<>();
            start.forEach((p, earliest) -> {
                OffsetAndMetadata c = committed.get(p);
                result.put(p, c == null ? earliest : Math.max(c.offset(), earliest));
            });
            return result;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the offsets of group " + group, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How far the group's commits are behind {@code target} (summed over partitions; 0 when it reached them). */
    static long behind(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> target) {
        long behind = 0;
        for (var e : target.entrySet()) {
            behind += Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L));
        }
        return behind;
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A plain KafkaConsumer (no group, no processing) over exactly the records of the backlog: records/s. */
    static double plainConsumerRate(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        long total = behind(from, to);
        try (var consumer = plainConsumer(Bench.kafka())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long read = 0;
            long start = System.nanoTime();
            long deadline = start + Duration.ofMinutes(10).toNanos();
            while (read < total && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (var r : records) {
                    if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
                        read++;
                    }
                }
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }
}
