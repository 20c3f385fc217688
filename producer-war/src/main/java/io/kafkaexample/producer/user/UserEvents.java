package io.kafkaexample.producer.user;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.common.event.EventTypes;
import io.kafkaexample.producer.auth.IssuedToken;
import jakarta.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The CloudEvents of the contract, built from stored data only: never a password, hash or token. */
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

    public static CloudEvent tokenIssued(StoredUser user, IssuedToken token) {
        return CloudEvent.of(EventTypes.SOURCE_PRODUCER, EventTypes.TOKEN_ISSUED, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Json.createObjectBuilder()
                        .add("userId", user.id())
                        .add("username", user.username())
                        .add("tokenId", token.tokenId())
                        .add("issuedAt", token.issuedAt().toString())
                        .add("expiresAt", token.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString())
                        .build());
    }
}
