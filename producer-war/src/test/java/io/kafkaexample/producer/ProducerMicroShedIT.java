package io.kafkaexample.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaexample.testsupport.Http;
import io.kafkaexample.testsupport.KafkaProbe;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.ManuallyStartedConfiguration;
import org.microshed.testing.jupiter.MicroShedTest;
import org.microshed.testing.kafka.KafkaConsumerClient;
import org.microshed.testing.kafka.KafkaProducerClient;

/**
 * The MicroShed Testing style, in manual mode against the running test stack (the failsafe configuration
 * of this module sets microshed_manual_env and friends): MicroShed injects the Kafka clients.
 */
@MicroShedTest
public class ProducerMicroShedIT {

    private static final String TOPIC = "it-microshed";

    @KafkaProducerClient(keySerializer = StringSerializer.class, valueSerializer = StringSerializer.class)
    public static KafkaProducer<String, String> producer;

    @KafkaConsumerClient(keyDeserializer = StringDeserializer.class, valueDeserializer = StringDeserializer.class,
            groupId = "it-microshed", topics = TOPIC, properties = "auto.offset.reset=earliest")
    public static KafkaConsumer<String, String> consumer;

    @BeforeAll
    static void createTopic() {
        KafkaProbe.ensureTopic(TOPIC, 8);
    }

    @Test
    void pingWhatAtTheApplicationUrl() {
        // MicroShed builds https URLs when it can; the services speak plain HTTP behind their proxy
        String url = "http://" + ManuallyStartedConfiguration.getHostname() + ":"
                + ManuallyStartedConfiguration.getHttpPort() + ManuallyStartedConfiguration.getBasePath();
        var response = Http.get(url + "/ping-what");
        assertEquals(200, response.statusCode());
        assertEquals("{\"ok\":\"Pong!\"}", response.body());
    }

    @Test
    void theInjectedClientsTalkToTheTestBroker() throws Exception {
        String key = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(TOPIC, key, "via MicroShed")).get();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.key().equals(key)) {
                    assertEquals("via MicroShed", record.value());
                    return;
                }
            }
        }
        throw new AssertionError("the record with key " + key + " was not read back within 30 s");
    }
}
