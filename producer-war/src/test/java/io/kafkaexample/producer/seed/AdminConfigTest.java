package io.kafkaexample.producer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kafkaexample.producer.config.AppEnvironment;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

    private static final AppEnvironment DEV = new AppEnvironment("dev");
    private static final AppEnvironment PRODUCTION = new AppEnvironment("production");

    @Test
    void theGivenPasswordIsSeededInEveryEnvironment() {
        AdminConfig config = new AdminConfig(" admin@example.com ", Optional.of("a strong one 42"), PRODUCTION);
        assertEquals("admin@example.com", config.email());
        assertEquals("a strong one 42", config.password());
    }

    @Test
    void onlyDevFallsBackToTheOriginalsPassword() {
        assertEquals(AdminConfig.DEV_ADMIN_PASSWORD, new AdminConfig("admin@example.com", Optional.empty(), DEV).password());
        assertEquals(AdminConfig.DEV_ADMIN_PASSWORD, new AdminConfig("admin@example.com", Optional.of("  "), DEV).password());
        assertEquals("ADMIN_PASSWORD is not set: the production environment never seeds a default admin password",
                assertThrows(IllegalStateException.class,
                        () -> new AdminConfig("admin@example.com", Optional.of(" "), PRODUCTION)).getMessage());
    }

    @Test
    void aBadEmailStopsTheStartNamingTheKey() {
        assertEquals("admin.email (ADMIN_EMAIL) is 'admin': email is not a valid address: 'admin'",
                assertThrows(IllegalStateException.class,
                        () -> new AdminConfig("admin", Optional.of("a strong one 42"), DEV)).getMessage());
    }
}
