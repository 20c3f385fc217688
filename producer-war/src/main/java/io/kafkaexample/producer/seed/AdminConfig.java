package io.kafkaexample.producer.seed;

import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.producer.config.AppEnvironment;
import io.kafkaexample.common.config.ConfigValues;
import io.kafkaexample.producer.user.UserValidation;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The seeded {@code admin} user's email ({@code ADMIN_EMAIL}) and password ({@code ADMIN_PASSWORD}). Only
 * the dev environment falls back to the original's password; elsewhere a missing ADMIN_PASSWORD stops the
 * start rather than seed a password everyone knows.
 */
@Dependent
public class AdminConfig {

    static final String DEV_ADMIN_PASSWORD = "adminuser";

    private final String email;
    private final String password;
    private final boolean defaultPassword;

    @Inject
    public AdminConfig(@ConfigProperty(name = "admin.email") String email,
                       @ConfigProperty(name = "admin.password") Optional<String> password, AppEnvironment environment) {
        try {
            this.email = UserValidation.email(email);
        } catch (ClientError e) {
            throw ConfigValues.invalid("admin.email", email, e.getMessage());
        }
        String given = password.filter(p -> !p.isBlank()).orElse(null);
        if (given == null && !environment.isDev()) {
            throw new IllegalStateException("ADMIN_PASSWORD is not set: the " + environment.name()
                    + " environment never seeds a default admin password");
        }
        this.password = given == null ? DEV_ADMIN_PASSWORD : given;
        this.defaultPassword = given == null;
    }

    /** Whether the admin is seeded with the original's password, which everyone knows (dev only). */
    public boolean usesDefaultPassword() {
        return defaultPassword;
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }
}
