package io.kafkaexample.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Real Kafka clients against the test broker, independent of the services under test. */
public final class KafkaProbe {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private KafkaProbe() {
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap()));
    }

    /** Creates a topic for a test's own use, if it is not there yet. */
    public static void ensureTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            ensureTopic(admin, new NewTopic(topic, partitions, (short) 1));
        }
    }

    /** Creates {@code topic} through {@code admin}, if it is not there yet. */
    public static void ensureTopic(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic.name(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, TopicDescription> describe(Set<String> topics) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(topics).allTopicNames().get();
        }
    }

    public static RecordMetadata send(String topic, String key, String value) throws Exception {
        return send(new ProducerRecord<>(topic, key, value));
    }

    public static RecordMetadata send(ProducerRecord<String, String> record) throws Exception {
        return send(record, new StringSerializer());
    }

    /** Sends a record as it is, byte for byte. */
    public static RecordMetadata sendBytes(ProducerRecord<byte[], byte[]> record) throws Exception {
        return send(record, new ByteArraySerializer());
    }

    private static <T> RecordMetadata send(ProducerRecord<T, T> record, Serializer<T> serializer) throws Exception {
        return sendAll(List.of(record), serializer).get(0);
    }

    /** Sends the records in one burst, all before waiting for any: a consumer polls them together. */
    public static List<RecordMetadata> sendAll(List<ProducerRecord<String, String>> records) throws Exception {
        return sendAll(records, new StringSerializer());
    }

    private static <T> List<RecordMetadata> sendAll(List<ProducerRecord<T, T>> records, Serializer<T> serializer) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, serializer, serializer)) {
            List<java.util.concurrent.Future<RecordMetadata>> sends = records.stream().map(producer::send).toList();
            List<RecordMetadata> sent = new java.util.ArrayList<>(sends.size());
            for (var send : sends) {
                sent.add(send.get());
            }
            return sent;
        }
    }

    /** Reads the one record at the given position, as a fresh consumer with no group would. */
    public static ConsumerRecord<String, String> readAt(RecordMetadata position) {
        return readAt(new TopicPartition(position.topic(), position.partition()), position.offset(), new StringDeserializer());
    }

    /** The record at {@code offset} of {@code topic}'s partition, byte for byte. */
    public static ConsumerRecord<byte[], byte[]> readBytesAt(String topic, int partition, long offset) {
        return readAt(new TopicPartition(topic, partition), offset, new ByteArrayDeserializer());
    }

    private static <T> ConsumerRecord<T, T> readAt(TopicPartition partition, long offset, Deserializer<T> deserializer) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrap());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "it-probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer = new KafkaConsumer<>(config, deserializer, deserializer)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<T, T> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record at " + partition + "@" + offset + " within " + READ_TIMEOUT);
    }

    public static Map<String, Integer> partitionCounts(Set<String> topics) throws Exception {
        return describe(topics).values().stream()
                .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
    }
}
