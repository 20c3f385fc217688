package io.kafkaexample.common.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kafka clients a service owns besides the Reactive Messaging channels: one admin client (readiness,
 * topic inspection) and one idempotent producer of bytes, shared by every sender of the service: a record
 * handed on keeps its key and value byte for byte.
 */
@ApplicationScoped
public class KafkaClients {

    public static final String BOOTSTRAP_KEY = "kafka.bootstrap.servers";
    public static final String SECURITY_PROTOCOL_KEY = "kafka.security.protocol";
    public static final String MAX_BLOCK_KEY = "kafka.producer.max-block";
    public static final String DELIVERY_TIMEOUT_KEY = "kafka.producer.delivery-timeout";
    /** A request waits at most this long for its answer, and never longer than the whole delivery may take. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    @ConfigProperty(name = BOOTSTRAP_KEY)
    String bootstrapServers;

    @Inject
    @ConfigProperty(name = SECURITY_PROTOCOL_KEY)
    String securityProtocol;

    @Inject
    @ConfigProperty(name = "service.name")
    String clientIdPrefix;

    // a send fails within max-block + delivery-timeout, so callers can report it and try later (and
    // retry-war's claim lease must outlast that sum)
    @Inject
    @ConfigProperty(name = MAX_BLOCK_KEY)
    Duration maxBlock;

    @Inject
    @ConfigProperty(name = DELIVERY_TIMEOUT_KEY)
    Duration deliveryTimeout;

    @Produces
    @ApplicationScoped
    Admin admin() {
        Map<String, Object> config = common("admin");
        // a broker that is down must not flood the log with reconnect attempts
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "10000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(config);
    }

    // @Singleton: KafkaProducer has no no-argument constructor, so it cannot be proxied
    @Produces
    @Singleton
    Producer<byte[], byte[]> producer() {
        Map<String, Object> config = common("producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // its senders wait for each acknowledgement (a failed record is handed on before the original is
        // acknowledged): a linger would add its whole length to every one of those sends, capping a
        // channel at 200 hand-offs a second with Kafka 4's default of 5 ms. Batches still form while
        // requests are in flight.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(REQUEST_TIMEOUT.toMillis(), deliveryTimeout.toMillis()));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * The settings of a consumer this service creates outside its channels (reading the dead-letter queue):
     * the same brokers and security, no group, no auto commit.
     */
    public Map<String, Object> consumerConfig(String role) {
        Map<String, Object> config = common(role);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    void close(@Disposes Admin admin) {
        admin.close(Duration.ofSeconds(2));
    }

    void close(@Disposes Producer<byte[], byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }

    private Map<String, Object> common(String role) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientIdPrefix + "-" + role);
        return config;
    }
}
