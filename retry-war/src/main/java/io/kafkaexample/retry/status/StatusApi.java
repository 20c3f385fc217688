package io.kafkaexample.retry.status;

import io.kafkaexample.common.health.ServiceReadiness;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

/**
 * Lives in the WAR, not in the common jar: Liberty builds the GraphQL schema from WEB-INF/classes only,
 * so every GraphQL API and every type it returns must be compiled into the service itself.
 */
@GraphQLApi
public class StatusApi {

    @Inject
    ServiceReadiness readiness;

    @Query("ready")
    @Description("Whether this service reaches Kafka and Redis: the same checks as /health/ready")
    public boolean ready() {
        return readiness.ready();
    }
}
