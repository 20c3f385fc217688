package io.kafkaexample.producer.user;

import io.kafkaexample.common.auth.Roles;
import io.kafkaexample.common.graphql.ClientError;
import io.kafkaexample.producer.password.PasswordHasher;
import io.kafkaexample.producer.password.PasswordPolicy;
import io.kafkaexample.producer.role.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.logging.Logger;

/** Creates a user: validation, the password hash, the user and its {@code user.created} event in one step. */
@ApplicationScoped
public class UserRegistration {

    /** The seeded SUPER_ADMIN's username: nobody may sign up under it, also after that user was deleted. */
    public static final String ADMIN_USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(UserRegistration.class.getName());

    @Inject
    UserStore users;

    @Inject
    PasswordHasher hasher;

    public StoredUser register(CreateUserInput input, Role role) throws ClientError {
        String username = UserValidation.username(input.getUsername());
        if (username.equalsIgnoreCase(ADMIN_USERNAME)) {
            throw new ClientError("the username '" + username + "' is reserved");
        }
        String weakness = PasswordPolicy.weakness(input.getPassword(), username).orElse(null);
        if (weakness != null) {
            throw new ClientError(weakness);
        }
        return store(input, username, role);
    }

    /** The seeded administrator keeps the original's dev password, which the policy would refuse. */
    public StoredUser registerSeeded(CreateUserInput input, Role role) throws ClientError {
        return store(input, UserValidation.username(input.getUsername()), role);
    }

    private StoredUser store(CreateUserInput input, String username, Role role) throws ClientError {
        StoredUser user = new StoredUser(UUID.randomUUID().toString(), username, UserValidation.email(input.getEmail()),
                UserValidation.name("firstName", input.getFirstName()), UserValidation.name("lastName", input.getLastName()),
                role.getId(), hasher.hash(input.getPassword().toCharArray()), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        users.create(user, Roles.SUPER_ADMIN.equals(role.getName()), UserEvents.userCreated(user, role.getName()));
        LOG.info(() -> "user created id=" + user.id() + " username=" + user.username() + " role=" + role.getName());
        return user;
    }
}
