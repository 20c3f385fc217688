package io.kafkaexample.producer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.producer.auth.SigningKey;
import io.kafkaexample.producer.config.AppEnvironment;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnsafeDefaultsWarningTest {

    @Test
    void devWithItsDefaultsNamesBothAndProductionNothing() {
        List<String> dev = warning("dev", Optional.empty(), true).unsafe();
        assertEquals(2, dev.size(), dev.toString());
        assertTrue(dev.get(0).contains("ADMIN_PASSWORD is not set") && dev.get(1).contains("JWT_PRIVATE_KEY is not set"), dev.toString());
        assertEquals(List.of(), warning("production", Optional.of("a-strong-password-1"), false).unsafe());
        assertEquals(List.of(), warning("dev", Optional.of("a-strong-password-1"), false).unsafe(),
                "dev with both secrets given has nothing unsafe left");
    }

    private static UnsafeDefaultsWarning warning(String environment, Optional<String> password, boolean generatedKey) {
        UnsafeDefaultsWarning warning = new UnsafeDefaultsWarning();
        warning.environment = new AppEnvironment(environment);
        warning.admin = new AdminConfig("admin@example.com", password, warning.environment);
        warning.signingKey = new SigningKey() {
            @Override
            public boolean isGenerated() {
                return generatedKey;
            }
        };
        return warning;
    }
}
