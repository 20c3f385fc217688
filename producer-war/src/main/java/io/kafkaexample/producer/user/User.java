package io.kafkaexample.producer.user;

import io.kafkaexample.producer.role.Role;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.graphql.Id;

/** A user as the API shows it: never the password or its hash. */
public class User {

    private final StoredUser stored;
    private final Role role;

    public User(StoredUser stored, Role role) {
        this.stored = stored;
        this.role = role;
    }

    @Id
    public String getId() {
        return stored.id();
    }

    public String getUsername() {
        return stored.username();
    }

    public String getEmail() {
        return stored.email();
    }

    public String getFirstName() {
        return stored.firstName();
    }

    public String getLastName() {
        return stored.lastName();
    }

    public Role getRole() {
        return role;
    }

    public OffsetDateTime getCreatedAt() {
        return stored.createdAt().atOffset(ZoneOffset.UTC);
    }
}
