package io.kafkaexample.producer.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kafkaexample.common.event.CloudEvent;
import io.kafkaexample.producer.user.StoredUser;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenEventsTest {

    private static final String HASH = "PBKDF2WithHmacSHA512:210000:c2FsdA==:SECRET-HASH";
    private static final StoredUser USER = new StoredUser("u-1", "ada", "ada@example.org", "Ada", "Lovelace", 5, HASH,
            Instant.parse("2026-11-24T10:00:00.123Z"));

    @Test
    void tokenIssuedNamesTheTokenByItsIdNeverByItsValue() throws Exception {
        IssuedToken token = new IssuedToken("eyJ.SECRET-TOKEN.sig", "jti-7", Instant.parse("2026-11-24T10:00:00Z"),
                Instant.parse("2026-11-24T10:15:00.987Z"));
        String json = TokenEvents.tokenIssued(USER, token).toJson();
        CloudEvent parsed = CloudEvent.parse(json);
        assertEquals("token.issued", parsed.type());
        assertEquals(Set.of("userId", "username", "tokenId", "issuedAt", "expiresAt"), parsed.data().keySet());
        assertEquals("jti-7", parsed.data().getString("tokenId"));
        assertEquals("2026-11-24T10:15:00Z", parsed.data().getString("expiresAt"));
        assertFalse(json.contains("SECRET-TOKEN"));
        assertFalse(json.contains("SECRET-HASH"));
    }
}
