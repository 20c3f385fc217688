package io.kafkaexample.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The verdict of this service's readiness checks, for code that wants it outside /health/ready. */
@ApplicationScoped
public class ServiceReadiness {

    @Inject
    @Readiness
    Instance<HealthCheck> checks;

    public boolean ready() {
        return checks.stream().map(HealthCheck::call).allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
    }
}
