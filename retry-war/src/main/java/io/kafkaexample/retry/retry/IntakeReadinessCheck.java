package io.kafkaexample.retry.retry;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a side-topic record cannot be made durable (Redis or the dead-letter queue unreachable). */
@Readiness
@ApplicationScoped
public class IntakeReadinessCheck implements HealthCheck {

    private final AtomicReference<String> blocked = new AtomicReference<>();

    void blocked(String position, Exception cause) {
        blocked.set(position + ": " + cause);
    }

    void flowing() {
        blocked.set(null);
    }

    @Override
    public HealthCheckResponse call() {
        String reason = blocked.get();
        return HealthCheckResponse.named("retry-intake").status(reason == null)
                .withData("blocked", reason == null ? "" : reason).build();
    }
}
