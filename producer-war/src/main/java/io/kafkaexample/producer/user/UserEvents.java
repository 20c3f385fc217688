package io.kafkaexample.producer.user;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.event.EventTypes;
import jakarta.json.Json;
import java.time.Instant;

/** The {@code user.created} and {@code user.deleted} CloudEvents of the contract, from stored data only: never a password or hash. */
public final class UserEvents {

    private UserEvents() {
    }

    public static CloudEvent userCreated(StoredUser user, String roleName) {
        return CloudEvent.of(EventTypes.SOURCE_PRODUCER, EventTypes.USER_CREATED, user.createdAt(),
                Json.createObjectBuilder()
                        .add("id", user.id())
                        .add("username", user.username())
                        .add("email", user.email())
                        .add("firstName", user.firstName())
                        .add("lastName", user.lastName())
                        .add("role", roleName)
                        .add("createdAt", user.createdAt().toString())
                        .build());
    }

    /** Only the id: a deleted user's data leaves every read model, it is not copied once more. */
    public static CloudEvent userDeleted(StoredUser user, Instant deletedAt) {
        return CloudEvent.of(EventTypes.SOURCE_PRODUCER, EventTypes.USER_DELETED, deletedAt,
                Json.createObjectBuilder().add("id", user.id()).add("deletedAt", deletedAt.toString()).build());
    }
}
