package io.kafkaexample.producer.user;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.event.EventTypes;
import jakarta.json.Json;

/** The {@code user.created} CloudEvent of the contract, built from stored data only: never a password or hash. */
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
}
