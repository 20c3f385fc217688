package io.kafkaexample.producer.seed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.testsupport.TestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test stack runs the producer as dev with its defaults: the log must say so, loudly. */
class UnsafeDefaultsIT {

    @Test
    void aDevProducerWithDefaultSecretsWarnsInItsLog() throws Exception {
        Path log = TestStack.repoRoot().resolve(".stack/it/servers/producer-svc/logs/messages.log");
        String text = Files.readString(log);
        assertTrue(text.lines().anyMatch(l -> l.contains(" W UNSAFE: APP_ENVIRONMENT=dev is for a developer machine only")
                && l.contains("ADMIN_PASSWORD is not set") && l.contains("JWT_PRIVATE_KEY is not set")), "no UNSAFE warning in " + log);
    }
}
