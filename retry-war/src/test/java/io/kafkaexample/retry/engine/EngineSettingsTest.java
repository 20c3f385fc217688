package io.kafkaexample.retry.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kafkaexample.retry.policy.InvalidRetryConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {

    private static EngineSettings with(Duration lease, Duration maxSendTime, Duration sweep, Duration horizon, int maxSendFailures) {
        return new EngineSettings(Instances.POLICY, Instances.SETTINGS.replyTopics(), lease, maxSendTime, sweep, horizon,
                maxSendFailures, Duration.ofHours(1));
    }

    @Test
    void aLeaseThatASendCanOutliveIsRefusedNamingTheKeysInvolved() {
        // the producer's defaults (max.block 5 s + delivery.timeout 30 s) against the former 30 s lease
        var error = assertThrows(InvalidRetryConfigException.class,
                () -> with(Duration.ofSeconds(30), Duration.ofSeconds(35), Duration.ofSeconds(5), Duration.ofMinutes(1), 10));
        assertTrue(error.getMessage().startsWith(EngineSettings.LEASE + " "), error.getMessage());
        assertTrue(error.getMessage().contains("kafka.producer.max-block"), error.getMessage());
        assertThrows(InvalidRetryConfigException.class,
                () -> with(Duration.ofSeconds(37), Duration.ofSeconds(35), Duration.ofSeconds(5), Duration.ofMinutes(1), 10));
        with(Duration.ofSeconds(38), Duration.ofSeconds(35), Duration.ofSeconds(5), Duration.ofMinutes(1), 10);
    }

    @Test
    void aHorizonShorterThanTheSweepIntervalAndNoSendAtAllAreRefused() {
        var horizon = assertThrows(InvalidRetryConfigException.class,
                () -> with(Duration.ofSeconds(60), Duration.ofSeconds(35), Duration.ofSeconds(5), Duration.ofSeconds(4), 10));
        assertTrue(horizon.getMessage().startsWith(EngineSettings.HORIZON + " "), horizon.getMessage());
        var sends = assertThrows(InvalidRetryConfigException.class,
                () -> with(Duration.ofSeconds(60), Duration.ofSeconds(35), Duration.ofSeconds(5), Duration.ofMinutes(1), 0));
        assertTrue(sends.getMessage().startsWith(EngineSettings.MAX_SEND_FAILURES + " "), sends.getMessage());
    }

    @Test
    void aClaimIsSentOnlyWhileItsLeaseCoversAWholeSend() {
        EngineSettings settings = Instances.SETTINGS;  // lease 12 s, longest send 8 s, margin 2 s
        assertTrue(settings.maySend(Duration.ZERO));
        assertTrue(settings.maySend(Duration.ofMillis(1999)));
        assertFalse(settings.maySend(Duration.ofSeconds(2)));
    }

    @Test
    void theWaitAfterAFailedSendDoublesFromTheSweepIntervalUpToTheBackoffMax() {
        EngineSettings settings = Instances.SETTINGS;  // sweep 1 s, backoff max 10 s
        assertEquals(Duration.ofSeconds(1), settings.sendRetryDelay(1));
        assertEquals(Duration.ofSeconds(2), settings.sendRetryDelay(2));
        assertEquals(Duration.ofSeconds(8), settings.sendRetryDelay(4));
        assertEquals(Duration.ofSeconds(10), settings.sendRetryDelay(5));
        assertEquals(Duration.ofSeconds(10), settings.sendRetryDelay(500));
    }
}
