package io.kafkaexample.producer.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenConfigTest {

    @Test
    void theLifetimesAreDurations() {
        TokenConfig config = new TokenConfig("producer-svc", "PT15M", "P7D");
        assertEquals("producer-svc", config.issuer());
        assertEquals(Duration.ofMinutes(15), config.accessLifetime());
        assertEquals(Duration.ofDays(7), config.refreshLifetime());
    }

    @Test
    void eachBadLifetimeIsNamedByItsOwnKey() {
        assertEquals("jwt.lifetime (JWT_LIFETIME) is '15m': not an ISO-8601 duration such as PT15M or P7D",
                assertThrows(IllegalStateException.class, () -> new TokenConfig("producer-svc", "15m", "P7D")).getMessage());
        assertEquals("jwt.refresh-lifetime (JWT_REFRESH_LIFETIME) is '-P1D': it must be longer than zero",
                assertThrows(IllegalStateException.class, () -> new TokenConfig("producer-svc", "PT15M", "-P1D")).getMessage());
    }
}
