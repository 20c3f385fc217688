package io.kafkaexample.producer.health;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kafkaexample.common.health.KafkaReadinessCheck;
import io.kafkaexample.common.health.RedisReadinessCheck;
import jakarta.inject.Inject;
import java.io.File;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Arquillian style: this test runs inside a Liberty server (Arquillian's own, started and stopped by
 * Arquillian), deployed with the producer's WAR, and calls CDI beans directly against the test stack's
 * Kafka and Redis.
 */
@ExtendWith(ArquillianExtension.class)
public class ReadinessChecksArquillianIT {

    @Deployment
    public static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/producer-war.war"))
                .addClass(ReadinessChecksArquillianIT.class);
    }

    // @Readiness is a CDI qualifier: the checks have no @Default
    @Inject
    @Readiness
    KafkaReadinessCheck kafka;

    @Inject
    @Readiness
    RedisReadinessCheck redis;

    @Test
    void bothDependenciesAreUpInsideTheServer() {
        HealthCheckResponse kafkaResponse = kafka.call();
        HealthCheckResponse redisResponse = redis.call();
        assertAll(
                () -> assertEquals(HealthCheckResponse.Status.UP, kafkaResponse.getStatus(), () -> String.valueOf(kafkaResponse.getData())),
                () -> assertEquals(1L, kafkaResponse.getData().orElseThrow().get("brokers")),
                () -> assertEquals(HealthCheckResponse.Status.UP, redisResponse.getStatus(), () -> String.valueOf(redisResponse.getData())));
    }
}
