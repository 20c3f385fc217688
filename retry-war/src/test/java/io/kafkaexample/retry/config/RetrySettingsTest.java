package io.kafkaexample.retry.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.common.config.ConfigValues;
import io.kafkaexample.common.kafka.KafkaClients;
import io.kafkaexample.retry.engine.EngineSettings;
import io.kafkaexample.retry.policy.InvalidRetryConfigException;
import io.kafkaexample.retry.policy.ReplyTopics;
import io.kafkaexample.retry.policy.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {

    @Test
    void theDefaultsBuildTheProductionPolicyAndTheStateOutlivesItsWindow() {
        RetrySettings settings = production();

        assertEquals(new RetryPolicy(4, Duration.ofSeconds(60), 5, Duration.ofHours(3), 0.1), settings.policy());
        EngineSettings engine = settings.engine();
        assertEquals(Duration.ofSeconds(60), engine.lease());
        assertEquals(Duration.ofSeconds(35), engine.maxSendTime(), "the shared producer's max-block + delivery-timeout");
        assertEquals(Duration.ofSeconds(5), engine.sweepInterval());
        assertEquals(Duration.ofMinutes(1), engine.horizon());
        assertEquals(10, engine.maxSendFailures());
        assertEquals(settings.policy().window().plusHours(1), engine.stateTtl());
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
        for (String key : new String[] {EngineSettings.LEASE, EngineSettings.SWEEP_INTERVAL, EngineSettings.HORIZON,
            RetrySettings.TTL_MARGIN}) {
            RetrySettings settings = production();
            switch (key) {
                case EngineSettings.LEASE -> settings.lease = Duration.ZERO;
                case EngineSettings.SWEEP_INTERVAL -> settings.sweepInterval = Duration.ofSeconds(-1);
                case EngineSettings.HORIZON -> settings.horizon = Duration.ZERO;
                default -> settings.ttlMargin = Duration.ZERO;
            }

            var error = assertThrows(InvalidRetryConfigException.class, settings::engine);
            assertTrue(error.getMessage().startsWith(key + " "), error.getMessage());
            assertTrue(error.getMessage().contains("'P"), error.getMessage());
            assertTrue(error.getMessage().contains(ConfigValues.envName(key)), error.getMessage());
        }
    }

    @Test
    void aLeaseTheProducersLongestSendCouldOutliveStopsTheStart() {
        RetrySettings settings = production();
        settings.lease = Duration.ofSeconds(30);

        var error = assertThrows(InvalidRetryConfigException.class, settings::engine);
        assertTrue(error.getMessage().startsWith(EngineSettings.LEASE + " must be longer than the longest send"), error.getMessage());
    }

    @Test
    void environmentVariableNamesFollowMicroProfileConfig() {
        assertEquals("RETRY_SWEEP_INTERVAL", ConfigValues.envName("retry.sweep-interval"));
        assertEquals("RETRY_BACKOFF_INITIAL", ConfigValues.envName("retry.backoff.initial"));
    }

    /** The settings as META-INF/microprofile-config.properties gives them, so its defaults are checked too. */
    private static RetrySettings production() {
        Properties defaults = properties(EngineSettings.LEASE);
        // common's defaults, which the service's own file sits above
        Properties common = properties(KafkaClients.MAX_BLOCK_KEY);
        RetrySettings settings = new RetrySettings();
        settings.maxRetries = Integer.parseInt(defaults.getProperty(RetryPolicy.MAX_RETRIES));
        settings.initial = Duration.parse(defaults.getProperty(RetryPolicy.INITIAL));
        settings.multiplier = Double.parseDouble(defaults.getProperty(RetryPolicy.MULTIPLIER));
        settings.max = Duration.parse(defaults.getProperty(RetryPolicy.MAX));
        settings.jitter = Double.parseDouble(defaults.getProperty(RetryPolicy.JITTER));
        settings.lease = Duration.parse(defaults.getProperty(EngineSettings.LEASE));
        settings.sweepInterval = Duration.parse(defaults.getProperty(EngineSettings.SWEEP_INTERVAL));
        settings.horizon = Duration.parse(defaults.getProperty(EngineSettings.HORIZON));
        settings.maxSendFailures = Integer.parseInt(defaults.getProperty(EngineSettings.MAX_SEND_FAILURES));
        settings.producerMaxBlock = Duration.parse(common.getProperty(KafkaClients.MAX_BLOCK_KEY));
        settings.producerDeliveryTimeout = Duration.parse(common.getProperty(KafkaClients.DELIVERY_TIMEOUT_KEY));
        settings.ttlMargin = Duration.parse(defaults.getProperty(RetrySettings.TTL_MARGIN));
        settings.replyTopics = List.of(defaults.getProperty(ReplyTopics.KEY).split(","));
        return settings;
    }

    /** The microprofile-config.properties on the class path that defines {@code key}: the service's, or common's. */
    private static Properties properties(String key) {
        try {
            for (URL url : Collections.list(RetrySettingsTest.class.getClassLoader().getResources("META-INF/microprofile-config.properties"))) {
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                if (properties.containsKey(key)) {
                    return properties;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no microprofile-config.properties defines " + key);
    }
}
