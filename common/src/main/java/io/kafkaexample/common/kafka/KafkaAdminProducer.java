package io.kafkaexample.common.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one Kafka admin client of a service, for readiness checks and topic inspection. */
@ApplicationScoped
public class KafkaAdminProducer {

    public static final String BOOTSTRAP_KEY = "kafka.bootstrap.servers";

    @Inject
    @ConfigProperty(name = BOOTSTRAP_KEY)
    String bootstrapServers;

    @Produces
    @ApplicationScoped
    Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "readiness",
                // a broker that is down must not flood the log with reconnect attempts
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "10000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000"));
    }

    void close(@Disposes Admin admin) {
        admin.close(Duration.ofSeconds(2));
    }
}
