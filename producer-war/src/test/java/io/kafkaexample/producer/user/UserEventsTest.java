package io.kafkaexample.producer.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kafkaexample.common.event.CloudEvent;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserEventsTest {

    private static final String HASH = "PBKDF2WithHmacSHA512:210000:c2FsdA==:SECRET-HASH";
    private static final StoredUser USER = new StoredUser("u-1", "ada", "ada@example.org", "Ada", "Lovelace", 5, HASH,
            Instant.parse("2026-11-24T10:00:00.123Z"));

    @Test
    void userCreatedCarriesTheProfileAndNeverTheHash() throws Exception {
        CloudEvent event = UserEvents.userCreated(USER, "USER");
        String json = event.toJson();
        CloudEvent parsed = CloudEvent.parse(json);
        assertEquals("user.created", parsed.type());
        assertEquals("/producer-svc", parsed.source());
        assertEquals(USER.createdAt(), parsed.time());
        assertEquals(Set.of("id", "username", "email", "firstName", "lastName", "role", "createdAt"), parsed.data().keySet());
        assertEquals("u-1", parsed.data().getString("id"));
        assertEquals("USER", parsed.data().getString("role"));
        assertEquals("2026-11-24T10:00:00.123Z", parsed.data().getString("createdAt"));
        assertFalse(json.contains("SECRET-HASH"));
        assertFalse(json.contains("PBKDF2"));
    }

    @Test
    void userDeletedCarriesTheIdAndNothingElseOfTheUser() throws Exception {
        CloudEvent parsed = CloudEvent.parse(UserEvents.userDeleted(USER, Instant.parse("2026-12-03T10:00:00Z")).toJson());
        assertEquals("user.deleted", parsed.type());
        assertEquals(Set.of("id", "deletedAt"), parsed.data().keySet());
        assertEquals("u-1", parsed.data().getString("id"));
        assertEquals("2026-12-03T10:00:00Z", parsed.data().getString("deletedAt"));
    }
}
