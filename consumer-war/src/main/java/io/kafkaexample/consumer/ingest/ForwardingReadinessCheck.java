package io.kafkaexample.consumer.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a failed record could not be handed to the retry service (it waits, unacknowledged). */
@Readiness
@ApplicationScoped
public class ForwardingReadinessCheck implements HealthCheck {

    private final Set<String> stuck = ConcurrentHashMap.newKeySet();

    void stuck(String position) {
        stuck.add(position);
    }

    void forwarded(String position) {
        stuck.remove(position);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("retry-hand-off").status(stuck.isEmpty())
                .withData("waiting", String.join(",", stuck)).build();
    }
}
