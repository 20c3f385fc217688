package io.kafkaexample.retry.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.config.ConfigValues;
import io.kafkaexample.retry.policy.InvalidRetryConfigException;
import io.kafkaexample.retry.policy.ReplyTopics;
import io.kafkaexample.retry.policy.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {

    @Test
    void theDefaultsBuildTheProductionPolicyAndTheStateOutlivesItsWindow() {
        RetrySettings settings = production();

        assertEquals(new RetryPolicy(4, Duration.ofSeconds(60), 5, Duration.ofHours(3), 0.1), settings.policy());
        assertEquals(Duration.ofSeconds(30), settings.lease());
        assertEquals(Duration.ofSeconds(5), settings.sweepInterval());
        assertEquals(settings.policy().window().plusHours(1), settings.stateTtl());
    }

    @Test
    void aPolicyOutOfRangeIsRefusedNamingItsKeyAndValue() {
        RetrySettings settings = production();
        settings.maxRetries = 101;

        var error = assertThrows(InvalidRetryConfigException.class, settings::policy);
        assertTrue(error.getMessage().startsWith(RetryPolicy.MAX_RETRIES + " "), error.getMessage());
        assertTrue(error.getMessage().contains("101"), error.getMessage());
    }

    @Test
    void aDurationThatIsNotPositiveIsRefusedNamingItsKeyValueAndEnvironmentVariable() {
        for (String key : new String[] {RetrySettings.LEASE, RetrySettings.SWEEP_INTERVAL, RetrySettings.TTL_MARGIN}) {
            RetrySettings settings = production();
            switch (key) {
                case RetrySettings.LEASE -> settings.lease = Duration.ZERO;
                case RetrySettings.SWEEP_INTERVAL -> settings.sweepInterval = Duration.ofSeconds(-1);
                default -> settings.ttlMargin = Duration.ZERO;
            }

            var error = assertThrows(InvalidRetryConfigException.class, settings::lease);
            assertTrue(error.getMessage().startsWith(key + " "), error.getMessage());
            assertTrue(error.getMessage().contains("'P"), error.getMessage());
            assertTrue(error.getMessage().contains(ConfigValues.envName(key)), error.getMessage());
        }
    }

    @Test
    void environmentVariableNamesFollowMicroProfileConfig() {
        assertEquals("RETRY_SWEEP_INTERVAL", ConfigValues.envName("retry.sweep-interval"));
        assertEquals("RETRY_BACKOFF_INITIAL", ConfigValues.envName("retry.backoff.initial"));
    }

    /** The settings as META-INF/microprofile-config.properties gives them, so its defaults are checked too. */
    private static RetrySettings production() {
        Properties defaults = new Properties();
        try (InputStream in = RetrySettingsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RetrySettings settings = new RetrySettings();
        settings.maxRetries = Integer.parseInt(defaults.getProperty(RetryPolicy.MAX_RETRIES));
        settings.initial = Duration.parse(defaults.getProperty(RetryPolicy.INITIAL));
        settings.multiplier = Double.parseDouble(defaults.getProperty(RetryPolicy.MULTIPLIER));
        settings.max = Duration.parse(defaults.getProperty(RetryPolicy.MAX));
        settings.jitter = Double.parseDouble(defaults.getProperty(RetryPolicy.JITTER));
        settings.lease = Duration.parse(defaults.getProperty(RetrySettings.LEASE));
        settings.sweepInterval = Duration.parse(defaults.getProperty(RetrySettings.SWEEP_INTERVAL));
        settings.ttlMargin = Duration.parse(defaults.getProperty(RetrySettings.TTL_MARGIN));
        settings.replyTopics = List.of(defaults.getProperty(ReplyTopics.KEY).split(","));
        return settings;
    }
}
