package io.kafkaexample.producer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the service runs ({@code APP_ENVIRONMENT}): {@code dev} allows the conveniences of a developer
 * machine (a default admin password, a generated signing key); anything else is production, the default.
 */
@ApplicationScoped
public class AppEnvironment {

    @Inject
    @ConfigProperty(name = "app.environment", defaultValue = "production")
    String name;

    public boolean isDev() {
        return "dev".equalsIgnoreCase(name.trim());
    }

    public String name() {
        return name;
    }
}
