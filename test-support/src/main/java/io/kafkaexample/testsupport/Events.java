package io.kafkaexample.testsupport;

import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.UUID;

/** CloudEvents as the producer writes them, built by hand: the test speaks the contract, not our classes. */
public final class Events {

    /** Looked up once: Json.createObjectBuilder looks the provider up on every call, which bounds a flow of events. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private Events() {
    }

    public static String userCreated(String eventId, String userId, String username) {
        return envelope(eventId, "user.created", JSON.createObjectBuilder()
                .add("id", userId).add("username", username).add("email", username + "@example.org")
                .add("firstName", "Katherine").add("lastName", "Johnson").add("role", "USER")
                .add("createdAt", Instant.now().toString()).build().toString());
    }

    public static String tokenIssued(String eventId, String userId, String username, Instant issuedAt) {
        return envelope(eventId, "token.issued", JSON.createObjectBuilder()
                .add("userId", userId).add("username", username).add("tokenId", UUID.randomUUID().toString())
                .add("issuedAt", issuedAt.toString()).add("expiresAt", issuedAt.plusSeconds(900).toString())
                .build().toString());
    }

    private static String envelope(String id, String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/producer-svc\",\"type\":\"" + type
                + "\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
