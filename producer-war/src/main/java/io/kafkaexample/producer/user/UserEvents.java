package io.kafkaexample.producer.user;

import io.kafkaexample.common.json.CachedJson;
import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.event.EventTypes;
import java.time.Instant;

/** The {@code user.created} and {@code user.deleted} CloudEvents of the contract, from stored data only: never a password or hash. */
public final class UserEvents {

    private UserEvents() {
    }

    public static CloudEvent userCreated(StoredUser user, String roleName) {
        return CloudEvent.of(EventTypes.SOURCE_PRODUCER, EventTypes.USER_CREATED, user.createdAt(),
                CachedJson.objectBuilder()
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
                CachedJson.objectBuilder().add("id", user.id()).add("deletedAt", deletedAt.toString()).build());
    }
}
