package io.kafkaexample.producer;

import io.kafkaexample.common.auth.Roles;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.producer.role.RoleStore;
import io.kafkaexample.producer.user.CreateUserInput;
import io.kafkaexample.producer.user.UserRegistration;
import io.kafkaexample.producer.user.UserStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The roles of the original and the {@code admin} user (SUPER_ADMIN) with {@code ADMIN_PASSWORD}. Only
 * the dev environment falls back to the original's password; elsewhere a missing ADMIN_PASSWORD stops
 * the start rather than seed a password everyone knows. Seeding waits for Redis if it is not up yet.
 */
@ApplicationScoped
public class Seeder {

    static final String ADMIN = "admin";
    static final String DEV_ADMIN_PASSWORD = "adminuser";
    private static final Logger LOG = Logger.getLogger(Seeder.class.getName());
    private static final long RETRY_SECONDS = 5;

    @Inject
    RoleStore roles;

    @Inject
    UserStore users;

    @Inject
    UserRegistration registration;

    @Inject
    AppEnvironment environment;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "admin.email", defaultValue = "admin@example.com")
    String adminEmail;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String password = adminPassword.filter(p -> !p.isBlank()).orElse(null);
        if (password == null && !environment.isDev()) {
            throw new IllegalStateException("ADMIN_PASSWORD is not set: the " + environment.name()
                    + " environment never seeds a default admin password");
        }
        scheduler.execute(() -> seed(password == null ? DEV_ADMIN_PASSWORD : password));
    }

    private void seed(String password) {
        try {
            roles.seed();
            if (users.findByUsername(ADMIN).isEmpty()) {
                registration.registerSeeded(admin(password), roles.byName(Roles.SUPER_ADMIN));
            }
        } catch (ClientError e) {
            LOG.info(() -> "admin not seeded: " + e.getMessage()); // another instance seeded it at the same moment
        } catch (RuntimeException e) {
            LOG.warning(() -> "cannot seed roles and admin yet (" + e + "); trying again in " + RETRY_SECONDS + " s");
            scheduler.schedule(() -> seed(password), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private CreateUserInput admin(String password) {
        CreateUserInput admin = new CreateUserInput();
        admin.setUsername(ADMIN);
        admin.setPassword(password);
        admin.setEmail(adminEmail);
        admin.setFirstName("Admin");
        admin.setLastName("User");
        return admin;
    }
}
