package io.kafkaexample.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @Test
    void aPositiveIsoDurationIsAccepted() {
        assertEquals(Duration.ofMillis(500), ConfigValues.positiveDuration("outbox.poll-interval", " PT0.5S "));
        assertEquals(Duration.ofDays(7), ConfigValues.positiveDuration("jwt.refresh-lifetime", "P7D"));
    }

    @Test
    void aValueThatIsNoDurationIsNamedWithItsKeyAndVariable() {
        assertEquals("outbox.poll-interval (OUTBOX_POLL_INTERVAL) is '1s': not an ISO-8601 duration such as PT15M or P7D",
                assertThrows(IllegalStateException.class, () -> ConfigValues.positiveDuration("outbox.poll-interval", "1s"))
                        .getMessage());
    }

    @Test
    void aZeroOrNegativeDurationIsRefused() {
        assertEquals("jwt.lifetime (JWT_LIFETIME) is 'PT0S': it must be longer than zero",
                assertThrows(IllegalStateException.class, () -> ConfigValues.positiveDuration("jwt.lifetime", "PT0S"))
                        .getMessage());
        assertEquals("jwt.lifetime (JWT_LIFETIME) is '-PT1M': it must be longer than zero",
                assertThrows(IllegalStateException.class, () -> ConfigValues.positiveDuration("jwt.lifetime", "-PT1M"))
                        .getMessage());
    }

    @Test
    void aPositiveWholeNumberIsAcceptedAndAnythingElseNamed() {
        assertEquals(10, ConfigValues.positiveInt("throttle.login.failures-per-user", " 10 "));
        assertEquals("throttle.login.failures-per-user (THROTTLE_LOGIN_FAILURES_PER_USER) is 'ten': not a whole number",
                assertThrows(IllegalStateException.class, () -> ConfigValues.positiveInt("throttle.login.failures-per-user", "ten"))
                        .getMessage());
        assertEquals("throttle.sign-up.per-address (THROTTLE_SIGN_UP_PER_ADDRESS) is '0': it must be at least 1",
                assertThrows(IllegalStateException.class, () -> ConfigValues.positiveInt("throttle.sign-up.per-address", "0"))
                        .getMessage());
    }
}
