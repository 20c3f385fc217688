package io.kafkaexample.retry.message;

import io.kafkaexample.common.kafka.KafkaClients;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One consumer without a group, for reads on demand ({@link TopicReads}), opened at the first read and kept:
 * opening one per read costs a connection, metadata and a JMX registration each time. A KafkaConsumer is
 * not thread-safe, so reads take turns.
 */
public final class ReusedConsumer implements AutoCloseable {

    private final KafkaClients clients;
    private final String name;
    private KafkaConsumer<byte[], byte[]> consumer;

    /** {@code name} starts the client id (a random suffix keeps two instances apart in JMX). */
    public ReusedConsumer(KafkaClients clients, String name) {
        this.clients = clients;
        this.name = name;
    }

    public synchronized <T> T read(Function<KafkaConsumer<byte[], byte[]>, T> reading) {
        if (consumer == null) {
            Map<String, Object> config = clients.consumerConfig(name + "-" + UUID.randomUUID().toString().substring(0, 8));
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        return reading.apply(consumer);
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }
}
