package io.kafkaexample.producer.seed;

import io.kafkaexample.common.auth.Roles;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.producer.role.Role;
import io.kafkaexample.producer.role.RoleStore;
import io.kafkaexample.producer.user.StoredUser;
import io.kafkaexample.producer.user.CreateUserInput;
import io.kafkaexample.producer.user.UserRegistration;
import io.kafkaexample.producer.user.UserStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The roles of the original and the {@code admin} user (SUPER_ADMIN) of {@link AdminConfig}, seeded while no
 * SUPER_ADMIN exists. Seeding waits for Redis if it is not up yet.
 */
@ApplicationScoped
public class Seeder {

    private static final Logger LOG = Logger.getLogger(Seeder.class.getName());
    private static final long RETRY_SECONDS = 5;

    @Inject
    RoleStore roles;

    @Inject
    UserStore users;

    @Inject
    UserRegistration registration;

    @Inject
    AdminConfig admin;

    @Resource
    ManagedScheduledExecutorService scheduler;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        scheduler.execute(this::seed);
    }

    private void seed() {
        try {
            roles.seed();
            Role superAdmin = roles.byName(Roles.SUPER_ADMIN);
            StoredUser existing = users.findByUsername(UserRegistration.ADMIN_USERNAME).orElse(null);
            if (existing != null && existing.roleId() == superAdmin.getId()) {
                users.markSuperAdmin(existing.id());
            } else if (existing == null && users.superAdminCount() == 0) {
                // only while no SUPER_ADMIN exists: an admin deleted on purpose stays deleted
                registration.registerSeeded(adminUser(), superAdmin);
            }
        } catch (ClientError e) {
            LOG.info(() -> "admin not seeded: " + e.getMessage()); // another instance seeded it at the same moment
        } catch (RuntimeException e) {
            LOG.warning(() -> "cannot seed roles and admin yet (" + e + "); trying again in " + RETRY_SECONDS + " s");
            scheduler.schedule(this::seed, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private CreateUserInput adminUser() {
        CreateUserInput input = new CreateUserInput();
        input.setUsername(UserRegistration.ADMIN_USERNAME);
        input.setPassword(admin.password());
        input.setEmail(admin.email());
        input.setFirstName("Admin");
        input.setLastName("User");
        return input;
    }
}
