package io.kafkaexample.producer.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the service runs ({@code APP_ENVIRONMENT}): {@code dev} allows the conveniences of a developer
 * machine (a default admin password, a generated signing key); anything else is production, the default.
 */
@Dependent
public class AppEnvironment {

    private final String name;

    @Inject
    public AppEnvironment(@ConfigProperty(name = "app.environment") String name) {
        this.name = name.trim();
    }

    public boolean isDev() {
        return "dev".equalsIgnoreCase(name);
    }

    public String name() {
        return name;
    }
}
