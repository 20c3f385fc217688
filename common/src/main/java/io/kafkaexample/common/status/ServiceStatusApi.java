package io.kafkaexample.common.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@GraphQLApi
@ApplicationScoped
public class ServiceStatusApi {

    @Inject
    @Readiness
    Instance<HealthCheck> readinessChecks;

    @Inject
    @ConfigProperty(name = "service.name")
    String serviceName;

    @Query("status")
    @Description("Whether this service reaches its dependencies: the same checks as /health/ready")
    public ServiceStatus status() {
        List<ServiceStatus.Dependency> dependencies = readinessChecks.stream()
                .map(HealthCheck::call)
                .map(r -> new ServiceStatus.Dependency(r.getName(), r.getStatus() == HealthCheckResponse.Status.UP))
                .toList();
        return new ServiceStatus(serviceName, dependencies.stream().allMatch(ServiceStatus.Dependency::up), dependencies);
    }
}
