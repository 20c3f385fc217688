package io.kafkaexample.common.status;

import java.util.List;

/** What the readiness checks of a service say, for GraphQL clients. */
public record ServiceStatus(String service, boolean ready, List<Dependency> dependencies) {

    public record Dependency(String name, boolean up) {
    }
}
